// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a BTF tracepoint on sched_pi_setprio reads the pid of the
 * priority donor pi_task directly.  pi_task is NULL when the boost ends;
 * newer kernels know that argument may be NULL and want a check before the
 * dereference, older ones let the (fault-tolerant) load through.
 */
// EXPECT: 6.1 accept, 6.18 reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("tp_btf/sched_pi_setprio")
int BPF_PROG(pi_boost, struct task_struct *tsk, struct task_struct *pi_task)
{
	bpf_printk("%d boosted by %d", tsk->pid, pi_task->pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
