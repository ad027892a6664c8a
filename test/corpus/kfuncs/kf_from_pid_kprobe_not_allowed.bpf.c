// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_task_from_pid() is registered for tracing, tc, xdp, cgroup,
 * syscall and struct_ops programs, not for kprobes: "calling kernel
 * function bpf_task_from_pid is not allowed".
 * EXPECT: 6.18 reject, 6.12 reject, 6.1 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

__u32 last_flags;

SEC("kprobe/do_exit")
int BPF_KPROBE(on_exit, long code)
{
	struct task_struct *t = bpf_task_from_pid(1);

	if (!t)
		return 0;
	last_flags = t->flags;
	bpf_task_release(t);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
