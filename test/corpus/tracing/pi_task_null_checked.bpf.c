// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the accepted form of a maybe-NULL tracepoint argument: the
 * priority donor pi_task of sched_pi_setprio is checked for NULL before
 * its pid is read.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("tp_btf/sched_pi_setprio")
int BPF_PROG(pi_boost, struct task_struct *tsk, struct task_struct *pi_task)
{
	if (!pi_task)
		return 0;
	bpf_printk("%d boosted by %d", tsk->pid, pi_task->pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
