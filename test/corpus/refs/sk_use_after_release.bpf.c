// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the socket's state is read after bpf_sk_release(): use after
 * release of a socket reference.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2

SEC("tc")
int tc_has_listener(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct tcphdr *tcp = (void *)(ip + 1);
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *sk;
	int verdict = TC_ACT_SHOT;

	if ((void *)(tcp + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(0x0800) || ip->protocol != 6 /* TCP */)
		return TC_ACT_OK;
	tuple.ipv4.saddr = ip->saddr;
	tuple.ipv4.daddr = ip->daddr;
	tuple.ipv4.sport = tcp->source;
	tuple.ipv4.dport = tcp->dest;
	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), -1 /* BPF_F_CURRENT_NETNS */, 0);
	if (sk) {
		bpf_sk_release(sk);
		if (sk->state == 10 /* TCP_LISTEN */) /* BUG: after release */
			verdict = TC_ACT_OK;
	}
	return verdict;
}

char LICENSE[] SEC("license") = "GPL";
