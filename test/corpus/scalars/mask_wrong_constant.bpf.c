// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: 8 counters in one map value, spread by a random sample, but
 * masked with 8 (the slot count) instead of 7: the index can be 0 or 8,
 * and slot 8 is past the value.  (See mask_wrong_constant_cpu_id.bpf.c for
 * the same bug hidden by the CPU-id range.)
 */
// EXPECT: reject
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
int sample_slot(void *ctx)
{
	__u32 key = 0, r = bpf_get_prandom_u32();
	struct slots *s = bpf_map_lookup_elem(&cpu_slots, &key);

	if (!s)
		return 0;
	s->n[r & 8]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
