// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a pointer read under bpf_rcu_read_lock() (task->real_parent is
 * __rcu) is valid only inside the section: after bpf_rcu_read_unlock() it
 * is untrusted, and bpf_task_acquire() (KF_RCU) refuses it.
 * EXPECT: 6.18 reject, 6.12 reject, 6.1 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

extern void bpf_rcu_read_lock(void) __ksym __weak;
extern void bpf_rcu_read_unlock(void) __ksym __weak;

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	struct task_struct *pp, *t;

	bpf_rcu_read_lock();
	pp = parent->real_parent;
	bpf_rcu_read_unlock();
	if (!pp)
		return 0;
	t = bpf_task_acquire(pp); /* BUG: RCU pointer used after unlock */
	if (t)
		bpf_task_release(t);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
