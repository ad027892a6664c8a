// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of tail_call_sock_ref_leak: the socket reference
 * is released before the tail call to the next stage.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} next_stage SEC(".maps");

SEC("tc")
int tc_lookup(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *sk;

	tuple.ipv4.dport = 80;
	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), -1 /* BPF_F_CURRENT_NETNS */, 0);
	if (sk) {
		skb->mark = sk->mark;
		bpf_sk_release(sk);
	}
	bpf_tail_call(skb, &next_stage, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
