// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tail call made from a static __noinline subprogram (bpf-to-bpf
 * call), which the x86-64 JIT supports since tail calls and subprograms
 * may be mixed, provided the stack of the frames below stays small.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 8);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} handlers SEC(".maps");

static __noinline int run_handler(struct __sk_buff *skb, __u32 idx)
{
	bpf_tail_call(skb, &handlers, idx);
	return 1; /* slot empty */
}

SEC("tc")
int tc_entry(struct __sk_buff *skb)
{
	volatile __u32 idx = skb->mark & 7;

	if (run_handler(skb, idx))
		return 0;
	return 2;
}

char LICENSE[] SEC("license") = "GPL";
