// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_cpumask_set_cpu() is KF_RCU: a maybe-NULL mask (no check
 * after bpf_cpumask_create()) is refused (Possibly NULL pointer passed
 * to trusted arg1).
 * EXPECT: 6.18 reject, 6.12 reject, 6.1 reject
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

SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct bpf_cpumask *mask = bpf_cpumask_create();

	bpf_cpumask_set_cpu(0, mask); /* BUG: mask may be NULL */
	if (mask)
		bpf_cpumask_release(mask);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
