// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a task_file iterator (lsof-like): for each open file of each
 * task it prints tgid, fd and the inode number. Both the task and the
 * file of the context may be NULL; the fd is a plain u32.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("iter/task_file")
int dump_task_file(struct bpf_iter__task_file *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;
	struct file *file = ctx->file;
	__u32 fd = ctx->fd;

	if (!task || !file)
		return 0;
	BPF_SEQ_PRINTF(seq, "%8d %8d %lu\n", task->tgid, fd, file->f_inode->i_ino);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
