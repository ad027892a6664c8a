// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a BTF tracepoint on sched_wakeup (one argument, the task) is
 * written with BPF_PROG and a second argument copied from sched_switch.
 * BTF-typed contexts are checked against the tracepoint's real prototype,
 * so reading the nonexistent second argument is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("tp_btf/sched_wakeup")
int BPF_PROG(wakeup, struct task_struct *p, struct task_struct *waker)
{
	if (waker)
		bpf_printk("%d woke %d", waker->pid, p->pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
