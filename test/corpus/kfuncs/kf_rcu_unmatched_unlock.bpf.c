// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_rcu_read_unlock() on a path where the lock was not taken
 * (the lock is conditional, the unlock is not).
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
	if (p->flags & 0x200000 /* PF_KTHREAD */)
		bpf_rcu_read_lock();
	last_ppid = p->tgid;
	bpf_rcu_read_unlock(); /* BUG: unmatched on the other path */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
