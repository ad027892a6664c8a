// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_task_acquire()/bpf_task_release() declared __weak, as
 * programs do that should still load where the kfunc is missing. On 6.1
 * the kfunc does not exist, libbpf leaves the call unresolved and the
 * kernel is asked to verify a call to an unknown kfunc (the program does
 * not guard it with bpf_ksym_exists()).
 * EXPECT: 6.1 reject, 6.18 accept
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
	if (t->tgid != parent->tgid)
		__sync_fetch_and_add(&forks_seen, 1);
	bpf_task_release(t);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
