// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: the bounds check covers the Ethernet header but the program goes
 * on to read the IPv4 protocol field: the check was copied from a previous
 * version that only looked at h_proto.  The IP header is not proven inside
 * the packet.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define IPPROTO_ICMP 1

SEC("xdp")
int xdp_drop_icmp(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct iphdr *iph = data + sizeof(*eth);

	if (data + sizeof(*eth) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	if (iph->protocol == IPPROTO_ICMP)
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
