// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: the same lookup as tc_sk_lookup_release, but the early return for
 * UDP sockets forgets bpf_sk_release(): the socket reference leaks.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2
#define BPF_F_CURRENT_NETNS (-1L)

SEC("tc")
int leak_sock(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *sk;

	if (bpf_skb_load_bytes(skb, 14 + 12, &tuple.ipv4, sizeof(tuple.ipv4)))
		return TC_ACT_OK;
	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return TC_ACT_OK;
	if (sk->type == 2 /* SOCK_DGRAM */)
		return TC_ACT_SHOT;
	bpf_sk_release(sk);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
