// SPDX-License-Identifier: GPL-2.0
// Fix-its (d), applied: fixit_release.bpf.c after clang -Xclang -fixit with
// bpfverify's plugin, which released the socket on the early return that
// leaked it (the code below the comments is exactly the tool's output;
// checked by test/lit/plugin/fixit-release.test). The kernel accepts it.
// EXPECT: accept
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
	if (sk->state != TCP_LISTEN) {
		bpf_sk_release(sk);
		return TC_ACT_OK;
	}
	skb->mark = 1;
	bpf_sk_release(sk);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
