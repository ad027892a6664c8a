// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: iterator programs return 0 (continue) or 1 (stop and retry);
 * returning 2 is refused at exit.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("iter/task")
int count_tasks(struct bpf_iter__task *ctx)
{
	if (!ctx->task)
		return 2;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
