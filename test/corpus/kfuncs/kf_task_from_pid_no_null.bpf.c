// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_task_from_pid() may return NULL (KF_RET_NULL): reading the
 * task before checking it is refused.
 * EXPECT: 6.18 reject (R0 invalid mem access 'ptr_or_null_'), 6.1 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

__u32 last_init_flags;

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	struct task_struct *init = bpf_task_from_pid(1);

	last_init_flags = init->flags; /* BUG: no NULL check */
	if (init)
		bpf_task_release(init);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
