// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: a small per-invocation histogram on the stack (16 byte counters,
 * zeroed), bumped at an index masked with 15, then summarised.  A write to
 * the stack at a bounded variable offset is allowed for privileged loaders.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_read")
int read_fd_bucket(struct trace_event_raw_sys_enter *ctx)
{
	__u8 hist[16] = {};
	__u32 fd = ctx->args[0];

	hist[fd & 15]++;
	bpf_printk("bucket0 %d bucket3 %d", hist[0], hist[3]);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
