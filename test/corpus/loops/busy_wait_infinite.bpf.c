// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a busy-wait on a flag in a map ("spin until user space sets
 * ready").  Nothing in the loop changes the verifier's state from one
 * iteration to the next, so it recognises an infinite loop.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} ready SEC(".maps");

SEC("kprobe/do_nanosleep")
int wait_ready(struct pt_regs *ctx)
{
	__u32 zero = 0;
	volatile __u32 *flag = bpf_map_lookup_elem(&ready, &zero);

	if (!flag)
		return 0;
	while (*flag == 0)
		;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
