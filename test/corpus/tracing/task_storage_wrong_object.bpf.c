// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_task_storage_get takes a task_struct; passing the inode of a
 * file (a mix-up between task and inode storage) is refused at the call:
 * the BTF-typed argument does not match the type the helper expects.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, u64);
} seen SEC(".maps");

SEC("iter/task_file")
int mark_files(struct bpf_iter__task_file *ctx)
{
	struct file *file = ctx->file;
	u64 *v;

	if (!file)
		return 0;
	v = bpf_task_storage_get(&seen, (struct task_struct *)file->f_inode, 0,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (v)
		*v += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
