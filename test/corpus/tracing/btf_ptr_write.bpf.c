// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a write through a BTF-typed pointer: trying to reset a task's
 * priority from a tp_btf program. Kernel objects are read-only to
 * tracing programs.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("tp_btf/sched_wakeup")
int BPF_PROG(renice, struct task_struct *p)
{
	if (p->prio < 100)
		p->prio = 120;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
