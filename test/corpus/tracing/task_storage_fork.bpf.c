// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: task local storage from a tp_btf program: at fork, the child's
 * storage is created with BPF_LOCAL_STORAGE_GET_F_CREATE and stamped with
 * its fork time; the task pointer argument is a trusted BTF pointer.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct task_info {
	u64 fork_ns;
	u32 parent_tgid;
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct task_info);
} task_infos SEC(".maps");

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	struct task_info *ti;

	ti = bpf_task_storage_get(&task_infos, child, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!ti)
		return 0;
	ti->fork_ns = bpf_ktime_get_ns();
	ti->parent_tgid = parent->tgid;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
