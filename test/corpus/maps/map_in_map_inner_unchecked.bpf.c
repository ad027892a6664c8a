// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: per-cgroup-class counters kept in inner arrays of an array of maps.
 * The outer lookup (which inner map) is used directly as the map argument
 * of the inner lookup, without checking that the outer slot is populated.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct inner {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} inner0 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 4);
	__type(key, __u32);
	__array(values, struct inner);
} classes SEC(".maps") = {
	.values = { [0] = &inner0 },
};

SEC("tracepoint/sched/sched_process_exec")
int count_class(void *ctx)
{
	__u32 cls = 0, idx = bpf_get_smp_processor_id() & 7;
	void *inner_map;
	__u64 *cnt;

	inner_map = bpf_map_lookup_elem(&classes, &cls);
	cnt = bpf_map_lookup_elem(inner_map, &idx);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
