// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_task_acquire() is KF_RCU: its argument must be trusted or an
 * RCU pointer. A task pointer copied out of a map value with
 * bpf_probe_read_kernel() is a plain scalar, and is refused.
 * EXPECT: 6.18 reject, 6.12 reject, 6.1 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	struct task_struct *leader = NULL, *t;

	bpf_probe_read_kernel(&leader, sizeof(leader), &child->group_leader);
	t = bpf_task_acquire(leader); /* BUG: not a BTF pointer */
	if (t)
		bpf_task_release(t);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
