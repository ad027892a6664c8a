// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: the values of a map reached through an array of maps are checked
 * against the inner map's definition. Here the inner arrays hold one
 * __u32 per CPU slot, but the probe updates it as a 64-bit counter: the
 * 8-byte access is past the 4-byte value.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct slot_counts {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u32);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 8);
	__type(key, __u32);
	__array(values, struct slot_counts);
} generations SEC(".maps");

__u32 current_gen;

SEC("tracepoint/sched/sched_switch")
int count_switch(void *ctx)
{
	__u32 gen = current_gen & 7, slot = bpf_get_smp_processor_id() & 15;
	void *counts = bpf_map_lookup_elem(&generations, &gen);
	__u64 *cnt;

	if (!counts)
		return 0;
	cnt = bpf_map_lookup_elem(counts, &slot);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
