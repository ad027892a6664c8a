// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the direct-dereference version made legal: the task comes from
 * bpf_get_current_task_btf(), a trusted BTF pointer, so task->real_parent->tgid
 * are verified BTF loads (with CO-RE relocated offsets).
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u32);
} parent_of SEC(".maps");

SEC("kprobe/do_exit")
int BPF_KPROBE(on_exit, long code)
{
	struct task_struct *task = bpf_get_current_task_btf();
	__u32 pid = task->tgid;
	__u32 ppid = task->real_parent->tgid;

	bpf_map_update_elem(&parent_of, &pid, &ppid, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
