// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: cpumask kfuncs: bpf_cpumask_create() (acquired, maybe NULL),
 * bpf_cpumask_set_cpu() and bpf_cpumask_test_cpu() (KF_RCU; a struct
 * bpf_cpumask passes where a struct cpumask is expected: its first
 * member), bpf_cpumask_weight(), bpf_cpumask_release().
 * EXPECT: 6.18 accept, 6.12 accept, 6.1 reject (kfuncs missing)
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
	if (bpf_cpumask_test_cpu(cpu, (const struct cpumask *)mask))
		last_weight = bpf_cpumask_weight((const struct cpumask *)mask);
	bpf_cpumask_release(mask);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
