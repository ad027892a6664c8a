// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: per-CPU-bucket counters in one map value of 8 slots, indexed by
 * the CPU number masked with 7: the AND bounds the index to [0, 7].
 */
// EXPECT: accept
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
	s->n[cpu & 7]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
