// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the trusted-pointer kfuncs bpf_task_acquire()/bpf_task_release()
 * in a tp_btf program. A developer writes this to keep a reference on the
 * task seen at sched_process_fork while looking at it. The kfuncs were
 * added in 6.2, so the 6.1 kernel has no such kfunc.
 * EXPECT: 6.1 not loadable (libbpf: kfunc missing, a load_error), 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;

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
