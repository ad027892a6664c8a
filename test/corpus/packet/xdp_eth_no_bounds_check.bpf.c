// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: an XDP filter that drops everything but IPv4 reads the Ethernet
 * protocol straight from ctx->data, forgetting the data_end check.  A runt
 * frame shorter than 14 bytes would be read past its end.
 * Twin: xdp_eth_bounds_checked.bpf.c.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

SEC("xdp")
int xdp_ipv4_only(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;

	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
