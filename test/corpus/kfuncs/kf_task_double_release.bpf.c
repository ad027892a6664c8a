// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a task released twice: after bpf_task_release() the pointer no
 * longer holds a reference, so the second release is refused.
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
	struct task_struct *t = bpf_task_acquire(child);

	if (!t)
		return 0;
	bpf_task_release(t);
	bpf_task_release(t); /* BUG: released twice */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
