// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_rcu_read_lock() inside an open RCU read-side section is
 * refused (nested rcu read lock).
 * EXPECT: 6.18 reject, 6.12 reject, 6.1 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern void bpf_rcu_read_lock(void) __ksym __weak;
extern void bpf_rcu_read_unlock(void) __ksym __weak;

int last_ppid;

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct task_struct *parent;

	bpf_rcu_read_lock();
	parent = p->real_parent;
	bpf_rcu_read_lock(); /* BUG: already inside */
	if (parent)
		last_ppid = parent->tgid;
	bpf_rcu_read_unlock();
	bpf_rcu_read_unlock();
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
