// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a tc program inserts the socket it looked up with
 * bpf_sk_lookup_tcp() into a sockhash (the value of a sockhash update is
 * a socket pointer), keyed by the packet hash, then releases it.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0
#define BPF_F_CURRENT_NETNS (-1L)

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} seen SEC(".maps");

SEC("tc")
int remember_sock(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *sk;
	__u32 key;

	if (bpf_skb_load_bytes(skb, 14 + 12, &tuple.ipv4, sizeof(tuple.ipv4)))
		return TC_ACT_OK;
	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return TC_ACT_OK;
	key = skb->hash;
	bpf_map_update_elem(&seen, &key, sk, BPF_ANY);
	bpf_sk_release(sk);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
