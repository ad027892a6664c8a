// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a tc ingress program looks up the local TCP socket of an IPv4
 * packet with bpf_sk_lookup_tcp(), reads its state, and releases it with
 * bpf_sk_release() on every path.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2
#define ETH_P_IP 0x0800
#define IPPROTO_TCP 6
#define BPF_F_CURRENT_NETNS (-1L)

SEC("tc")
int drop_unbound(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	struct tcphdr *th = (void *)(iph + 1);
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *sk;
	int verdict = TC_ACT_OK;

	if ((void *)(th + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->protocol != IPPROTO_TCP)
		return TC_ACT_OK;
	tuple.ipv4.saddr = iph->saddr;
	tuple.ipv4.daddr = iph->daddr;
	tuple.ipv4.sport = th->source;
	tuple.ipv4.dport = th->dest;
	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return TC_ACT_SHOT;
	if (sk->state == 10 /* TCP_LISTEN */ && !th->syn)
		verdict = TC_ACT_SHOT;
	bpf_sk_release(sk);
	return verdict;
}

char LICENSE[] SEC("license") = "GPL";
