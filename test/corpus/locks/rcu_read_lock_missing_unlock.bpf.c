// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an RCU read-side section with bpf_rcu_read_lock() (kfunc, 6.2+)
 * around reading task->real_parent in tp_btf, but one return path skips
 * bpf_rcu_read_unlock(). Declared __weak so 6.1 is asked too.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern void bpf_rcu_read_lock(void) __ksym __weak;
extern void bpf_rcu_read_unlock(void) __ksym __weak;

int last_ppid;

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct task_struct *parent;

	bpf_rcu_read_lock();
	parent = p->real_parent;
	if (!parent)
		return 0; /* BUG: RCU read lock still held */
	last_ppid = parent->tgid;
	bpf_rcu_read_unlock();
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
