// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: a tc egress program clamps the IPv4 TTL by writing the packet
 * directly (tc programs may write packet data after a data_end check) and
 * fixes the checksum with bpf_l3_csum_replace(), whose call invalidates the
 * packet pointers only after the last direct access.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define TC_ACT_OK 0
#define MAX_TTL 16

SEC("tc")
int clamp_ttl(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	__u16 old, new;

	if ((void *)(iph + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->ttl <= MAX_TTL)
		return TC_ACT_OK;
	old = *(__u16 *)&iph->ttl;
	iph->ttl = MAX_TTL;
	new = *(__u16 *)&iph->ttl;
	bpf_l3_csum_replace(skb, sizeof(*eth) + offsetof(struct iphdr, check),
			    old, new, sizeof(new));
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
