// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: (accepted twin of tail_call_subprog_stack_too_big) a static
 * subprogram that ends in a tail call, called from a program that keeps
 * a 128-byte buffer on its stack: the callers' stack stays below the
 * 256 bytes a tail call from a subprogram allows.
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

static __noinline int go_next(struct __sk_buff *skb, __u32 stage)
{
	bpf_tail_call(skb, &next_stage, stage);
	return 0;
}

SEC("tc")
int tc_entry(struct __sk_buff *skb)
{
	char buf[128];

	if (bpf_skb_load_bytes(skb, 0, buf, sizeof(buf)))
		return 0;
	if (buf[12] != 0x08)
		return 0;
	return go_next(skb, buf[23] & 3);
}

char LICENSE[] SEC("license") = "GPL";
