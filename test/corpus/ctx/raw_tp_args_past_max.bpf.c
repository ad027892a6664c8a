// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a raw tracepoint reads ctx->args[12].  Raw tracepoint contexts
 * hold at most 12 u64 arguments (args[0..11]); the verifier does not know
 * the event's real count, only this maximum.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("raw_tracepoint/sys_enter")
int last_arg(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 v = ctx->args[12];

	return v == 0;
}

char LICENSE[] SEC("license") = "GPL";
