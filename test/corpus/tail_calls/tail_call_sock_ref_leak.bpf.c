// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a socket is looked up with bpf_sk_lookup_tcp() and the program
 * tail-calls the next stage while still holding the reference. A tail call
 * never returns, so the reference would leak; it must be released first.
 * EXPECT: reject
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
		bpf_tail_call(skb, &next_stage, 0); /* BUG: sk still held */
		bpf_sk_release(sk);
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
