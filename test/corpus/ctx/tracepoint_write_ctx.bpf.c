// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a sys_enter tracepoint tries to rewrite the flags argument of
 * openat() in the trace record.  Tracepoint contexts are read-only.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_openat")
int strip_creat(struct trace_event_raw_sys_enter *ctx)
{
	if (ctx->args[2] & 0100)
		ctx->args[2] &= ~0100UL;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
