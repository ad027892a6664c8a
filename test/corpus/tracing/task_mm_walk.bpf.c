// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: walking pointer chains directly through BTF pointers,
 * task->mm->arg_start and task->real_parent->tgid, in a tp_btf program
 * (instead of BPF_CORE_READ). Each step gives the next BTF-typed pointer;
 * mm may be NULL for kernel threads, which the program checks.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct info {
	u64 arg_start;
	u32 ppid;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, u32);
	__type(value, struct info);
} infos SEC(".maps");

SEC("tp_btf/sched_process_exec")
int BPF_PROG(exec_walk, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct mm_struct *mm = p->mm;
	struct info in = {};
	u32 pid = p->pid;

	if (!mm)
		return 0;
	in.arg_start = mm->arg_start;
	in.ppid = p->real_parent->tgid;
	bpf_map_update_elem(&infos, &pid, &in, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
