// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bounded loop walking IPv6 extension headers in XDP with a
 * packet bounds check on every step, the way firewalls find the
 * transport header.  Each iteration re-checks data_end, so the variable
 * packet offset stays safe.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define MAX_EXT 6

SEC("xdp")
int find_l4(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct ipv6hdr *ip6;
	struct ipv6_opt_hdr *opt;
	__u8 next;
	int i;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(0x86dd))
		return XDP_PASS;
	ip6 = (void *)(eth + 1);
	if ((void *)(ip6 + 1) > data_end)
		return XDP_PASS;
	next = ip6->nexthdr;
	opt = (void *)(ip6 + 1);
	for (i = 0; i < MAX_EXT; i++) {
		if (next != 0 && next != 43 && next != 60)	/* hop, routing, dest */
			break;
		if ((void *)(opt + 1) > data_end)
			return XDP_PASS;
		next = opt->nexthdr;
		opt = (void *)opt + (opt->hdrlen + 1) * 8;
	}
	return next == 17 /* UDP */ ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
