// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: stack symbolisation with bpf_find_vma(): a perf_event sampler
 * takes the user stack, and for each frame finds the VMA of the address
 * (bpf_find_vma(task, addr, cb, ctx, 0)) to record the mapping's start and
 * file offset, the way profilers turn addresses into (build, offset)
 * pairs. The callback gets (task, vma, ctx) and reads the VMA's fields
 * into a context on the program's stack (the only memory the helper
 * takes as callback context).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#define MAX_FRAMES 16

struct frame_info {
	__u64 ip;
	__u64 vm_start;
	__u64 pgoff;
	__u32 has_file;
};

struct stack_sample {
	__u32 pid;
	__u32 nr;
	__u64 ips[MAX_FRAMES];
	struct frame_info frames[MAX_FRAMES];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct stack_sample);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20);
} samples SEC(".maps");

static long vma_cb(struct task_struct *task, struct vm_area_struct *vma,
		   struct frame_info *fi)
{
	fi->vm_start = vma->vm_start;
	fi->pgoff = vma->vm_pgoff;
	fi->has_file = vma->vm_file != NULL;
	return 0;
}

SEC("perf_event")
int profile(void *ctx)
{
	struct task_struct *task = bpf_get_current_task_btf();
	__u32 zero = 0;
	struct stack_sample *s = bpf_map_lookup_elem(&scratch, &zero);
	long len;

	if (!s)
		return 0;
	s->pid = bpf_get_current_pid_tgid() >> 32;
	len = bpf_get_stack(ctx, s->ips, sizeof(s->ips), BPF_F_USER_STACK);
	if (len <= 0)
		return 0;
	s->nr = len / 8;
	for (int i = 0; i < MAX_FRAMES; i++) {
		struct frame_info fi = {};

		if (i >= s->nr)
			break;
		fi.ip = s->ips[i];
		bpf_find_vma(task, fi.ip, vma_cb, &fi, 0);
		s->frames[i] = fi;
	}
	bpf_ringbuf_output(&samples, s, sizeof(*s), 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
