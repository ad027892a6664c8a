// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: the developer computes the packet length as data_end - data and
 * checks "len < sizeof(struct ethhdr)" like in user space.  The difference
 * of two packet pointers is only an unknown number to the verifier: it does
 * not turn a length check into a range on the data pointer.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_ARP 0x0806

SEC("xdp")
int xdp_drop_arp(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	__u64 len = data_end - data;

	if (len < sizeof(*eth))
		return XDP_PASS;
	if (eth->h_proto == bpf_htons(ETH_P_ARP))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
