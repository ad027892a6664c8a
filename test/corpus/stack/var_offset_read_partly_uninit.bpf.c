// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: a 16-byte stack table of which only the first 8 entries are
 * filled (the developer shrank the table init) is read at an index masked
 * with 15: the read may hit uninitialised bytes.  Refused on 6.1; later
 * kernels let privileged programs read uninitialised stack.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_read")
int fd_weight(struct trace_event_raw_sys_enter *ctx)
{
	volatile __u8 weight[16];
	__u32 fd = ctx->args[0];
	int i;

	for (i = 0; i < 8; i++)
		weight[i] = i + 1;
	bpf_printk("weight %d", weight[fd & 15]);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
