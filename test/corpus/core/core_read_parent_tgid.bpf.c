// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the everyday CO-RE read chain in a kprobe: the parent's tgid of
 * the current task through BPF_CORE_READ(), which turns into relocated
 * bpf_probe_read_kernel() calls.
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
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u32 pid = BPF_CORE_READ(task, tgid);
	__u32 ppid = BPF_CORE_READ(task, real_parent, tgid);

	bpf_map_update_elem(&parent_of, &pid, &ppid, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
