// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: bpf_per_cpu_ptr() returns NULL for a CPU number past
 * nr_cpu_ids, so its result must be NULL-checked before use. This
 * load-balance probe reads another CPU's run queue length without the
 * check: the verifier refuses the load through a pointer that may be
 * NULL.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern const struct rq runqueues __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u32);
} target_qlen SEC(".maps");

SEC("tp_btf/sched_migrate_task")
int BPF_PROG(on_migrate, struct task_struct *p, int dest_cpu)
{
	const struct rq *rq = bpf_per_cpu_ptr(&runqueues, dest_cpu);
	__u32 cpu = dest_cpu, len = rq->nr_running;

	bpf_map_update_elem(&target_qlen, &cpu, &len, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
