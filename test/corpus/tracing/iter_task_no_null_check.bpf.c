// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a task iterator that forgets that ctx->task is NULL on the last
 * call: the dereference of the maybe-NULL BTF pointer is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("iter/task")
int dump_task_unchecked(struct bpf_iter__task *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;

	BPF_SEQ_PRINTF(seq, "%d\n", task->pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
