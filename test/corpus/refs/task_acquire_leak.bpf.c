// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_task_acquire() in a tp_btf program, but the early return
 * for threads of the same process forgets bpf_task_release(): an
 * acquired task reference is still held at exit. The kfuncs are
 * declared __weak so that 6.1 (which lacks them) is asked too.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

__u64 forks_seen;

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	struct task_struct *t;

	t = bpf_task_acquire(child);
	if (!t)
		return 0;
	if (t->tgid == parent->tgid)
		return 0; /* BUG: t is not released */
	__sync_fetch_and_add(&forks_seen, 1);
	bpf_task_release(t);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
