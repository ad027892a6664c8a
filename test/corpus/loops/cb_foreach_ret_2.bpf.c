// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_for_each_map_elem() callback that returns the count it
 * found instead of 0/1: the return value is checked at its exit.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u32);
} flags SEC(".maps");

static long check_flag(void *map, __u32 *key, __u32 *val, void *ctx)
{
	if (*val & 4)
		return 2;
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int scan_flags(void *ctx)
{
	bpf_for_each_map_elem(&flags, check_flag, NULL, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
