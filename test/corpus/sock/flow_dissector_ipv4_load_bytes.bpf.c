// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a minimal IPv4 flow dissector that copies the network header at
 * flow_keys->nhoff with bpf_skb_load_bytes() (the flow dissector's own
 * variant), fills the addresses and the protocol into struct
 * bpf_flow_keys and returns BPF_OK.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define BPF_OK 0
#define BPF_DROP 2

SEC("flow_dissector")
int dissect_ipv4(struct __sk_buff *skb)
{
	struct bpf_flow_keys *keys = skb->flow_keys;
	struct iphdr iph;

	if (keys->n_proto != bpf_htons(ETH_P_IP))
		return BPF_DROP;
	if (bpf_skb_load_bytes(skb, keys->nhoff, &iph, sizeof(iph)))
		return BPF_DROP;
	if (iph.ihl < 5)
		return BPF_DROP;
	keys->addr_proto = ETH_P_IP;
	keys->ipv4_src = iph.saddr;
	keys->ipv4_dst = iph.daddr;
	keys->ip_proto = iph.protocol;
	keys->thoff = keys->nhoff + (iph.ihl << 2);
	keys->is_frag = !!(iph.frag_off & bpf_htons(0x3fff));
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
