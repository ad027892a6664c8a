// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: "infinite loop detected" inside a static subprogram: a helper
 * that waits for a lock word in a map value to become zero, spinning on
 * it with no bound.  The state of the callee's frame repeats at its loop
 * head, the caller's frame under it too.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct gate {
	__u32 busy;
	__u32 waiters;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct gate);
} gates SEC(".maps");

static __noinline int wait_gate(volatile struct gate *g)
{
	if (!g)
		return -1;
	while (g->busy)
		;
	return 0;
}

SEC("kprobe/do_nanosleep")
int enter_gate(struct pt_regs *ctx)
{
	__u32 zero = 0;

	return wait_gate(bpf_map_lookup_elem(&gates, &zero));
}

char LICENSE[] SEC("license") = "GPL";
