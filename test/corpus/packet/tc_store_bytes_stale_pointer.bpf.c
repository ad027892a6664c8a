// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: a tc program rewrites the destination MAC with
 * bpf_skb_store_bytes() and then logs the EtherType through the eth
 * pointer taken before the call.  Helpers that can change packet data
 * invalidate all earlier packet pointers.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0

SEC("tc")
int set_dmac(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct ethhdr *eth = data;
	unsigned char mac[6] = { 0x02, 0, 0, 0, 0, 1 };

	if ((void *)(eth + 1) > data_end)
		return TC_ACT_OK;
	bpf_skb_store_bytes(skb, offsetof(struct ethhdr, h_dest), mac, 6, 0);
	if (eth->h_proto == bpf_htons(0x0806))
		bpf_printk("ARP to rewritten MAC");
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
