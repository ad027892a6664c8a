// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: to save a copy, the developer passes the packet's own IPv4
 * addresses and ports (starting at ip->saddr) as the bpf_sk_lookup_tcp()
 * tuple, with sizeof(struct bpf_sock_tuple) (36, the IPv6 size of the
 * union) as tuple size. The bounds check only proved the bytes up to the
 * end of the TCP header, so the 36 byte tuple runs past it.
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
	/* BUG: use the packet's addresses/ports in place, but the
	 * ipv4 tuple (12 bytes) starting at ip->saddr runs past the
	 * checked bytes of the IP header into unchecked TCP bytes */
	sk = bpf_sk_lookup_tcp(skb, (void *)&ip->saddr, sizeof(tuple), -1 /* BPF_F_CURRENT_NETNS */, 0);
	if (sk) {
		if (sk->state == 10 /* TCP_LISTEN */)
			verdict = TC_ACT_OK;
		bpf_sk_release(sk);
	}
	return verdict;
}

char LICENSE[] SEC("license") = "GPL";
