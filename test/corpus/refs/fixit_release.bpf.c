// SPDX-License-Identifier: GPL-2.0
// Fix-its (d), the release on a leaking path: a TC classifier looks up the
// local TCP socket of an IPv4 packet and marks the packet when the socket is
// listening; the early return for other states forgets bpf_sk_release().
// bpfverify's fix-it turns that return into
// `{ bpf_sk_release(sk); return TC_ACT_OK; }`: applied, it gives
// fixit_release_fixed.bpf.c (test/lit/plugin/fixit-release.test).
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0
#define ETH_P_IP 0x0800
#define TCP_LISTEN 10

SEC("tc")
int tc_mark_listener(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct tcphdr *tcp = (void *)(ip + 1);
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *sk;

	if ((void *)(tcp + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || ip->ihl != 5 ||
	    ip->protocol != IPPROTO_TCP)
		return TC_ACT_OK;
	tuple.ipv4.saddr = ip->saddr;
	tuple.ipv4.daddr = ip->daddr;
	tuple.ipv4.sport = tcp->source;
	tuple.ipv4.dport = tcp->dest;
	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), -1 /* current netns */, 0);
	if (!sk)
		return TC_ACT_OK;
	if (sk->state != TCP_LISTEN)
		return TC_ACT_OK;
	skb->mark = 1;
	bpf_sk_release(sk);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
