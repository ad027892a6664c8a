// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: the 8-slot counters of mask_index_ok.bpf.c, but masked with 8
 * (the slot count) instead of 7: the index can be 0 or 8, and slot 8 is
 * past the value -- unless the CPU number is known to be below 8.  Newer
 * kernels bound bpf_get_smp_processor_id() by the machine's nr_cpu_ids, so
 * on a host with at most 8 possible CPUs (the oracle machine has 2) the
 * index is always 0 and the bug goes unnoticed; 6.1 treats the CPU id as
 * any u32.  HOST-DEPENDENT on 6.18: with more than 8 CPUs it is rejected.
 * Deterministic variant: mask_wrong_constant.bpf.c.
 */
// EXPECT: 6.1 reject, 6.18 accept (host with <= 8 CPUs)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct slots {
	__u64 n[8];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct slots);
} cpu_slots SEC(".maps");

SEC("tracepoint/sched/sched_switch")
int count_cpu(void *ctx)
{
	__u32 key = 0, cpu = bpf_get_smp_processor_id();
	struct slots *s = bpf_map_lookup_elem(&cpu_slots, &key);

	if (!s)
		return 0;
	s->n[cpu & 8]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
