// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the jump table is declared as a plain BPF_MAP_TYPE_ARRAY of
 * program fds instead of BPF_MAP_TYPE_PROG_ARRAY. bpf_tail_call() only
 * takes a prog array.
 * EXPECT: reject
 *
 * 6.18 prints "expected prog array map for tail call" without a newline,
 * so its "verification time" line is glued on; the oracle splits it off.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY); /* BUG: must be PROG_ARRAY */
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} jmp_table SEC(".maps");

SEC("tc")
int tc_entry(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jmp_table, skb->mark & 7);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
