// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a minimal flow dissector for IPv4 reads the network header at
 * data + flow_keys->nhoff with direct packet access. clang tests the end
 * of the header through a second pointer (data + nhoff + 20), so the
 * header pointer itself never gets a proven range: the kernel rejects the
 * read of iph->saddr ("r=0"). flow_dissector_ipv4_load_bytes is the
 * working version.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define BPF_OK 0
#define BPF_DROP 2

SEC("flow_dissector")
int dissect(struct __sk_buff *skb)
{
	struct bpf_flow_keys *keys = skb->flow_keys;
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph;

	if (keys->n_proto != bpf_htons(ETH_P_IP))
		return BPF_DROP;
	iph = data + keys->nhoff;
	if ((void *)(iph + 1) > data_end)
		return BPF_DROP;
	keys->addr_proto = ETH_P_IP;
	keys->ipv4_src = iph->saddr;
	keys->ipv4_dst = iph->daddr;
	keys->ip_proto = iph->protocol;
	keys->thoff = keys->nhoff + (iph->ihl << 2);
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
