// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_find_vma() callback that writes to the VMA it was given:
 * the vma argument is a BTF pointer to a kernel struct, read-only to
 * tracing programs.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__u64 seen_start;

static long mark_vma(struct task_struct *task, struct vm_area_struct *vma, void *ctx)
{
	seen_start = vma->vm_start;
	vma->vm_pgoff = 0;
	return 0;
}

SEC("perf_event")
int poke(void *ctx)
{
	struct task_struct *task = bpf_get_current_task_btf();

	bpf_find_vma(task, 0x400000, mark_vma, NULL, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
