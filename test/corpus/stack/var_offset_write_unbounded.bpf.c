// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: the stack histogram indexed by the raw fd with no bound at all:
 * the verifier cannot place the write inside the frame.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_read")
int read_fd_bucket(struct trace_event_raw_sys_enter *ctx)
{
	__u8 hist[16] = {};
	__u32 fd = ctx->args[0];

	hist[fd]++;
	bpf_printk("bucket0 %d bucket3 %d", hist[0], hist[3]);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
