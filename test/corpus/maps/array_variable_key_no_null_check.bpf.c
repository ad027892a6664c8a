// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: the "array lookups cannot fail" shortcut with a key computed at run
 * time (the CPU number).  Without a known constant key no kernel can prove
 * the key is below max_entries, so the NULL check stays mandatory.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, __u64);
} cpu_events SEC(".maps");

SEC("tracepoint/sched/sched_switch")
int count_switch(void *ctx)
{
	__u32 cpu = bpf_get_smp_processor_id();
	__u64 *n;

	n = bpf_map_lookup_elem(&cpu_events, &cpu);
	__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
