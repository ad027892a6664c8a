// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_for_each_map_elem() (5.13+) to total a hash map from BPF:
 * a callback per element instead of a loop over keys.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} bytes_by_pid SEC(".maps");

__u64 total;

static long add_one(void *map, __u32 *key, __u64 *val, __u64 *sum)
{
	*sum += *val;
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int sum_all(void *ctx)
{
	__u64 sum = 0;

	bpf_for_each_map_elem(&bytes_by_pid, add_one, &sum, 0);
	total = sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
