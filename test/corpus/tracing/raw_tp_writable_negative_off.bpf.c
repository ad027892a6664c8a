// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the writable buffer of a raw_tp.w program starts at args[0]; a
 * write before it (err[-1], an off-by-one in buffer arithmetic) is
 * refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("raw_tp.w/bpf_test_finish")
int clobber_before(struct bpf_raw_tracepoint_args *ctx)
{
	int *err = (int *)ctx->args[0];

	err[-1] = 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
