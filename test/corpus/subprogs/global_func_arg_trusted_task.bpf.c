// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global function taking a struct task_struct * marked with the
 * arg:trusted decl tag (libbpf's __arg_trusted), called from tp_btf with
 * the tracepoint's task argument, so the callee may read task fields
 * directly. Kernels without the tag see a pointer to a kernel struct,
 * which global functions did not accept as an argument.
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#ifndef __arg_trusted
#define __arg_trusted __attribute__((btf_decl_tag("arg:trusted")))
#endif

__u64 kthread_forks;

__noinline int is_kthread(struct task_struct *t __arg_trusted)
{
	return (t->flags & 0x00200000 /* PF_KTHREAD */) != 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	if (is_kthread(child))
		__sync_fetch_and_add(&kthread_forks, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
