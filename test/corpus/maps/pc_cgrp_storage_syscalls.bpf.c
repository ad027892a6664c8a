// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: per-cgroup syscall accounting in cgroup local storage
 * (BPF_MAP_TYPE_CGRP_STORAGE, Linux 6.2+): on each syscall entry the
 * current task's default-hierarchy cgroup gets its storage created on
 * first use (BPF_LOCAL_STORAGE_GET_F_CREATE) and the counter bumped; on
 * cgroup removal the storage is deleted explicitly. 6.1 has no such map
 * type: the map cannot be created.
 */
// ORACLE-VMLINUX: 6.18
// EXPECT: 6.1 load_error, 6.12 accept, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct cg_stats {
	__u64 syscalls;
	__u64 first_seen_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_CGRP_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct cg_stats);
} cg_syscalls SEC(".maps");

SEC("tp_btf/sys_enter")
int BPF_PROG(count_syscall, struct pt_regs *regs, long id)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct cg_stats *st;

	st = bpf_cgrp_storage_get(&cg_syscalls, task->cgroups->dfl_cgrp, 0,
				  BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!st)
		return 0;
	if (!st->first_seen_ns)
		st->first_seen_ns = bpf_ktime_get_ns();
	__sync_fetch_and_add(&st->syscalls, 1);
	return 0;
}

SEC("tp_btf/cgroup_rmdir")
int BPF_PROG(drop_cgroup, struct cgroup *cgrp, const char *path)
{
	bpf_cgrp_storage_delete(&cg_syscalls, cgrp);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
