// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a reference acquired with bpf_task_from_pid() handed to
 * bpf_cgroup_release(): the kfunc expects a struct cgroup.
 * EXPECT: 6.18 reject, 6.12 reject, 6.1 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

extern struct cgroup *bpf_cgroup_from_id(u64 cgid) __ksym __weak;
extern struct cgroup *bpf_cgroup_acquire(struct cgroup *cgrp) __ksym __weak;
extern void bpf_cgroup_release(struct cgroup *cgrp) __ksym __weak;
extern long bpf_task_under_cgroup(struct task_struct *task, struct cgroup *ancestor) __ksym __weak;

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	struct task_struct *t = bpf_task_from_pid(parent->tgid);

	if (!t)
		return 0;
	bpf_cgroup_release((struct cgroup *)t); /* BUG: not a cgroup */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
