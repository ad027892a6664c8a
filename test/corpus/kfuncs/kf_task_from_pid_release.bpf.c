// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_task_from_pid() returns an acquired, maybe-NULL task; after
 * the NULL check it may be read and must be released on every path.
 * A tp_btf exec tracer that looks up the parent by its tgid.
 * EXPECT: 6.18 accept, 6.12 accept, 6.1 reject (the kfunc is missing:
 * libbpf leaves the weak call unresolved and R0 is never written)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} exec_by_parent SEC(".maps");

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct task_struct *parent;
	__u64 one = 1, *cnt;
	__u32 ptgid;

	parent = bpf_task_from_pid(p->real_parent->tgid);
	if (!parent)
		return 0;
	ptgid = parent->tgid;
	bpf_task_release(parent);

	cnt = bpf_map_lookup_elem(&exec_by_parent, &ptgid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&exec_by_parent, &ptgid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
