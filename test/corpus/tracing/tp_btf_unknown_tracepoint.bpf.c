// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a BTF tracepoint whose name has a typo (sched_wakeups): the
 * kernel's BTF has no btf_trace_sched_wakeups, so libbpf cannot resolve
 * the attach target and the load fails before verification.
 */
// EXPECT: load_error
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("tp_btf/sched_wakeups")
int BPF_PROG(wakeup, struct task_struct *p)
{
	bpf_printk("wakeup %d", p->pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
