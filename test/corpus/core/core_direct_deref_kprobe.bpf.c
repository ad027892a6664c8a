// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the same read written as plain C (task->real_parent->tgid) in a
 * kprobe. bpf_get_current_task() returns a plain integer to the verifier,
 * so the direct load dereferences a scalar; kprobes need BPF_CORE_READ()
 * (or bpf_get_current_task_btf()).
 * EXPECT: reject
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
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u32 pid = task->tgid;          /* BUG: not a BTF pointer here */
	__u32 ppid = task->real_parent->tgid;

	bpf_map_update_elem(&parent_of, &pid, &ppid, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
