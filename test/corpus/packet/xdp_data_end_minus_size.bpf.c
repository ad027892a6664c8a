// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: "if (data > data_end - sizeof(*eth))" is the same check as the
 * usual one in ordinary C, but it does arithmetic on data_end, which the
 * verifier forbids (only packet pointers may move, data_end may not).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IPV6 0x86DD

SEC("xdp")
int xdp_drop_ipv6(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;

	if (data > data_end - sizeof(*eth))
		return XDP_PASS;
	if (eth->h_proto == bpf_htons(ETH_P_IPV6))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
