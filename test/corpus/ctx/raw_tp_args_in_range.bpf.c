// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a raw tracepoint on sched_switch reads its arguments from the
 * u64 array of struct bpf_raw_tracepoint_args (preempt, prev, next) and
 * reads the pids with CO-RE.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

SEC("raw_tracepoint/sched_switch")
int on_switch(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *prev = (struct task_struct *)ctx->args[1];
	struct task_struct *next = (struct task_struct *)ctx->args[2];

	if (BPF_CORE_READ(next, pid) == 1)
		bpf_printk("switch %d -> init", BPF_CORE_READ(prev, pid));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
