// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: indexing a kernel array through a BTF pointer with a variable
 * index (task->comm[i] in a loop) is a variable-offset access, which the
 * kernel refuses for BTF pointers.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("tp_btf/sched_process_exec")
int BPF_PROG(first_dot, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	u32 i = bpf_get_prandom_u32() & 15;

	if (p->comm[i] == '.')
		bpf_printk("dot at %u", i);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
