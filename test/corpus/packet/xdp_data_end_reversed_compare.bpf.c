// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: the bounds checks are written with data_end on the left
 * ("if (data_end < (void *)(iph + 1))") and as ">=" on the good path,
 * the other spellings of the same check.  The verifier understands every
 * orientation of a packet-pointer comparison with data_end.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

SEC("xdp")
int xdp_ttl_guard(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);

	if (data_end < (void *)(iph + 1))
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	if (data_end >= (void *)(iph + 1) && iph->ttl <= 1)
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
