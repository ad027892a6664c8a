// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: the helper/map-type check applies to the inner map too. The
 * inner template of this array of maps is a plain array, so reserving an
 * event in it with bpf_ringbuf_reserve() is refused (cannot pass
 * map_type 2 into func bpf_ringbuf_reserve).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct slots {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 4);
	__type(key, __u32);
	__array(values, struct slots);
} rings SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int on_exec(void *ctx)
{
	__u32 idx = bpf_get_smp_processor_id() & 3;
	__u64 *e;
	void *rb;

	rb = bpf_map_lookup_elem(&rings, &idx);
	if (!rb)
		return 0;
	e = bpf_ringbuf_reserve(rb, sizeof(*e), 0);
	if (!e)
		return 0;
	*e = bpf_ktime_get_ns();
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
