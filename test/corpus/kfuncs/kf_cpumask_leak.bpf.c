// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the twin of kf_cpumask_track that returns early without
 * bpf_cpumask_release(): the mask leaks.
 * EXPECT: 6.18 reject (Unreleased reference), 6.12 reject, 6.1 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct bpf_cpumask *bpf_cpumask_create(void) __ksym __weak;
extern void bpf_cpumask_release(struct bpf_cpumask *cpumask) __ksym __weak;
extern void bpf_cpumask_set_cpu(u32 cpu, struct bpf_cpumask *cpumask) __ksym __weak;
extern bool bpf_cpumask_test_cpu(u32 cpu, const struct cpumask *cpumask) __ksym __weak;
extern u32 bpf_cpumask_weight(const struct cpumask *cpumask) __ksym __weak;

__u32 last_weight;

SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct bpf_cpumask *mask = bpf_cpumask_create();
	__u32 cpu = bpf_get_smp_processor_id();

	if (!mask)
		return 0;
	bpf_cpumask_set_cpu(cpu, mask);
	if (!bpf_cpumask_test_cpu(cpu, (const struct cpumask *)mask))
		return 0; /* BUG: mask leaks */
	last_weight = bpf_cpumask_weight((const struct cpumask *)mask);
	bpf_cpumask_release(mask);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
