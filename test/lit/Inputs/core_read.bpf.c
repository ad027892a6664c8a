// SPDX-License-Identifier: GPL-2.0
/*
 * CO-RE as tracing tools write it: vmlinux.h types (preserve_access_index),
 * BPF_KPROBE's pt_regs accesses, BPF_CORE_READ chains through kernel
 * pointers, a bitfield read, and an older struct layout under a ___flavor
 * name that libbpf relocates onto the kernel's task_struct. Every program
 * is accepted by Linux 6.18 (test/lit/live/core.test).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);	/* parent tgid */
	__type(value, __u64);	/* unlinks */
} unlinks_by_parent SEC(".maps");

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(unlink_parent, int dfd, struct filename *name)
{
	struct task_struct *task = (void *)bpf_get_current_task();
	__u32 ppid = BPF_CORE_READ(task, real_parent, tgid);
	const char *fname = BPF_CORE_READ(name, name);
	__u64 one = 1, *cnt;
	char buf[32];

	bpf_probe_read_kernel_str(buf, sizeof(buf), fname);
	cnt = bpf_map_lookup_elem(&unlinks_by_parent, &ppid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&unlinks_by_parent, &ppid, &one, BPF_ANY);
	return 0;
}

/* The fields in another order than the kernel's: relocated by name. */
struct task_struct___old {
	struct task_struct___old *real_parent;
	int tgid;
	int pid;
} __attribute__((preserve_access_index));

SEC("kprobe/do_unlinkat")
int old_layout(struct pt_regs *ctx)
{
	struct task_struct___old *t = (void *)bpf_get_current_task();
	int pid = BPF_CORE_READ(t, pid);
	int ptgid = BPF_CORE_READ(t, real_parent, tgid);

	bpf_printk("unlink by %d (parent %d)", pid, ptgid);
	return 0;
}

SEC("kprobe/do_unlinkat")
int reset_on_fork(struct pt_regs *ctx)
{
	struct task_struct *t = (void *)bpf_get_current_task();
	__u64 v = BPF_CORE_READ_BITFIELD_PROBED(t, sched_reset_on_fork);

	bpf_printk("reset_on_fork %llu", v);
	return 0;
}

/* A subprogram with relocations of its own, shared by two programs. */
static __attribute__((noinline)) int parent_tgid(struct task_struct *t)
{
	return BPF_CORE_READ(t, real_parent, tgid);
}

SEC("kprobe/do_unlinkat")
int sub_unlink(struct pt_regs *ctx)
{
	bpf_printk("unlink, parent %d", parent_tgid((void *)bpf_get_current_task()));
	return 0;
}

SEC("kprobe/do_rmdir")
int sub_rmdir(struct pt_regs *ctx)
{
	bpf_printk("rmdir, parent %d", parent_tgid((void *)bpf_get_current_task()));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
