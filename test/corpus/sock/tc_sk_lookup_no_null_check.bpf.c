// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: bpf_sk_lookup_udp() returns NULL when no socket matches; this
 * program reads the socket's protocol before testing the pointer.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0
#define BPF_F_CURRENT_NETNS (-1L)

SEC("tc")
int no_null_check(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *sk;
	__u32 proto;

	if (bpf_skb_load_bytes(skb, 14 + 12, &tuple.ipv4, sizeof(tuple.ipv4)))
		return TC_ACT_OK;
	sk = bpf_sk_lookup_udp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	proto = sk->protocol;
	if (sk)
		bpf_sk_release(sk);
	return proto == 17 ? TC_ACT_OK : 1;
}

char LICENSE[] SEC("license") = "GPL";
