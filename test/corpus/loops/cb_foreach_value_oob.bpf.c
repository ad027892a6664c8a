// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_for_each_map_elem() callback that reads past its value:
 * the value pointer is a map value of the map's value size (8 bytes), so
 * reading a second u64 after it is out of bounds.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

__u64 total;

static long add_pair(void *map, __u32 *key, __u64 *val, __u64 *sum)
{
	*sum += val[0] + val[1];
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int sum_pairs(void *ctx)
{
	__u64 sum = 0;

	bpf_for_each_map_elem(&counts, add_pair, &sum, 0);
	total = sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
