// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_tail_call() is given a pointer to a stack struct holding
 * state for the next program instead of the program context. The first
 * argument must be the ctx; state has to travel through a map.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 8);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} stages SEC(".maps");

struct stage_state {
	__u32 next;
	__u32 hops;
};

SEC("tc")
int tc_stage0(struct __sk_buff *skb)
{
	struct stage_state st = { .next = 1, .hops = skb->len };

	bpf_tail_call(&st, &stages, st.next); /* BUG: not the ctx */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
