// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: a tc program needs the first 64 bytes linear; when the packet is
 * shorter in its linear part it calls bpf_skb_pull_data() and then reloads
 * data/data_end before checking and reading the transport ports.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2
#define ETH_P_IP 0x0800
#define IPPROTO_TCP 6

SEC("tc")
int block_telnet(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph;
	struct tcphdr *th;

	if (data + 64 > data_end) {
		if (bpf_skb_pull_data(skb, 64))
			return TC_ACT_OK;
		data = (void *)(long)skb->data;
		data_end = (void *)(long)skb->data_end;
	}
	iph = data + sizeof(struct ethhdr);
	th = (void *)(iph + 1);
	if ((void *)(th + 1) > data_end)
		return TC_ACT_OK;
	if (skb->protocol != bpf_htons(ETH_P_IP) || iph->protocol != IPPROTO_TCP ||
	    iph->ihl != 5)
		return TC_ACT_OK;
	return th->dest == bpf_htons(23) ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
