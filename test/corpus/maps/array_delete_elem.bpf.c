// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: the developer tries to "reset" a slot of an array map with
 * bpf_map_delete_elem().  Array elements cannot be deleted (the helper
 * returns -EINVAL at run time), but the verifier only checks the argument
 * types, so the program loads: a mistake the verifier does not catch.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} per_cpu_budget SEC(".maps");

SEC("tracepoint/sched/sched_process_exit")
int reset_budget(void *ctx)
{
	__u32 cpu = bpf_get_smp_processor_id();

	bpf_map_delete_elem(&per_cpu_budget, &cpu);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
