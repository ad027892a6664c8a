// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: like xdp_ihl_var_offset_checked.bpf.c, but the UDP header is
 * checked at its position without options (iph + 1) and then read at the
 * real, variable position iph + ihl * 4.  A check at one offset says
 * nothing about a pointer with a different variable offset.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define IPPROTO_UDP 17

SEC("xdp")
int xdp_drop_dns(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	struct udphdr *udph;

	if ((void *)(iph + 1) + sizeof(*udph) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->protocol != IPPROTO_UDP)
		return XDP_PASS;
	udph = (void *)iph + iph->ihl * 4;
	if (udph->dest == bpf_htons(53))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
