// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a socket filter keeping only IPv4 packets up to 1500 bytes reads
 * skb->len and skb->protocol, both readable in socket filters, and loads
 * the IP version with bpf_skb_load_bytes().
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

SEC("socket")
int sock_ipv4_small(struct __sk_buff *skb)
{
	__u8 vihl;

	if (skb->protocol != bpf_htons(ETH_P_IP) || skb->len > 1500)
		return 0;
	if (bpf_skb_load_bytes(skb, 0, &vihl, 1))
		return 0;
	return (vihl >> 4) == 4 ? skb->len : 0;
}

char LICENSE[] SEC("license") = "GPL";
