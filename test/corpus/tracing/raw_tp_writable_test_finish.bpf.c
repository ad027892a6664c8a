// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a writable raw tracepoint (raw_tp.w) on bpf_test_finish, whose
 * first argument is the tracepoint's writable buffer (an int *err): the
 * program reads it and overwrites a -EFAULT with 0, as test harnesses do.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("raw_tp.w/bpf_test_finish")
int clear_efault(struct bpf_raw_tracepoint_args *ctx)
{
	int *err = (int *)ctx->args[0];

	if (*err == -14)
		*err = 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
