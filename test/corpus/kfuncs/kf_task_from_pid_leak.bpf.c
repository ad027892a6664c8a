// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the twin of kf_task_from_pid_release with the early return that
 * forgets bpf_task_release(): the acquired task leaks on that path.
 * EXPECT: 6.18 reject (Unreleased reference), 6.12 reject, 6.1 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

__u64 root_children;

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct task_struct *parent;

	parent = bpf_task_from_pid(p->real_parent->tgid);
	if (!parent)
		return 0;
	if (parent->tgid == 1)
		return 0; /* BUG: parent not released */
	__sync_fetch_and_add(&root_children, 1);
	bpf_task_release(parent);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
