// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of rcu_read_lock_missing_unlock: every path
 * leaves the bpf_rcu_read_lock() section with bpf_rcu_read_unlock()
 * (kfuncs 6.2+, declared __weak; 6.1 lacks them).
 * EXPECT: 6.1 reject, 6.18 accept
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
	if (parent)
		last_ppid = parent->tgid;
	bpf_rcu_read_unlock();
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
