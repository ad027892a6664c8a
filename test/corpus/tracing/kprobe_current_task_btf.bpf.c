// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_current_task_btf() in a kprobe program (it is a tracing
 * base helper, not tied to BTF program types): the returned task is read
 * directly, task->real_parent->tgid included, no bpf_probe_read needed.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(unlink_probe, int dfd, struct filename *name)
{
	struct task_struct *task = bpf_get_current_task_btf();

	bpf_printk("unlink by %d (parent %d)", task->tgid, task->real_parent->tgid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
