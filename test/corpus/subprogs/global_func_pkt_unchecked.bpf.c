// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an XDP program hands the packet start to a global parsing
 * function taking struct ethhdr * before checking data + sizeof(*eth) <=
 * data_end. The argument's size comes from its BTF type, so the caller's
 * packet pointer must have 14 verified bytes.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

__noinline int is_ipv4(struct ethhdr *eth)
{
	if (!eth)
		return 0;
	return eth->h_proto == bpf_htons(0x0800);
}

SEC("xdp")
int xdp_v4_only(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;

	/* BUG: no "data + sizeof(struct ethhdr) > data_end" check */
	return is_ipv4(data) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
