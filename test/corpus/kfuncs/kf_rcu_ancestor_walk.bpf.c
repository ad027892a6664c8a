// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a realistic ancestry check: under bpf_rcu_read_lock() walk
 * task->real_parent up to four levels looking for a watched process
 * name, take a reference on the match with bpf_task_acquire() (KF_RCU
 * accepts the RCU pointer), and release it after the section ends.
 * EXPECT: 6.18 accept, 6.12 accept, 6.1 reject (kfuncs missing)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

extern void bpf_rcu_read_lock(void) __ksym __weak;
extern void bpf_rcu_read_unlock(void) __ksym __weak;

#define MAX_DEPTH 4

const volatile char watched[16] = "sshd";

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u32);
} under_watched SEC(".maps");

static __always_inline bool comm_is_watched(const char *comm)
{
	for (int i = 0; i < 16; i++) {
		if (comm[i] != watched[i])
			return false;
		if (!comm[i])
			return true;
	}
	return true;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct task_struct *cur, *found = NULL;
	__u32 pid = p->tgid, ancestor;

	bpf_rcu_read_lock();
	cur = p->real_parent;
	for (int depth = 0; depth < MAX_DEPTH && cur; depth++) {
		if (comm_is_watched(cur->comm)) {
			found = bpf_task_acquire(cur);
			break;
		}
		cur = cur->real_parent;
	}
	bpf_rcu_read_unlock();
	if (!found)
		return 0;
	ancestor = found->tgid;
	bpf_task_release(found);
	bpf_map_update_elem(&under_watched, &pid, &ancestor, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
