// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_loop() called from a static subprogram, with the context on
 * the main program's stack (a pointer into frame 0 passed two calls
 * down), and the loop count taken from a map value.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} loop_cfg SEC(".maps");

struct acc {
	__u64 total;
	__u64 odd;
};

__u64 result;

static long step(__u32 i, struct acc *a)
{
	a->total += i;
	if (i & 1)
		a->odd++;
	return 0;
}

static __attribute__((noinline)) void run(struct acc *a)
{
	__u32 zero = 0, *n = bpf_map_lookup_elem(&loop_cfg, &zero);

	if (n)
		bpf_loop(*n, step, a, 0);
}

SEC("tracepoint/syscalls/sys_enter_sync")
int accumulate(void *ctx)
{
	struct acc a = {};

	run(&a);
	result = a.total + a.odd;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
