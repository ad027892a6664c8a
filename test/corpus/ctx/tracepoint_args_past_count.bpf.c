// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a sys_enter tracepoint for openat() reads args[4], although
 * openat() has only 4 arguments (args[0..3]): a mistake the verifier cannot
 * see, because tracepoint contexts are only bounds-checked against the
 * maximum trace record size, not against the event's fields.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_openat")
int openat_mode(struct trace_event_raw_sys_enter *ctx)
{
	long flags = ctx->args[2];
	long mode = ctx->args[4];	/* meant args[3] */

	if (flags & 0100)	/* O_CREAT */
		bpf_printk("create mode %lo", mode);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
