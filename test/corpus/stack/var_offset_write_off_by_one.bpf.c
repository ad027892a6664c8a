// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: var_offset_write_masked.bpf.c with the index checked by
 * "if (fd > 16)" instead of masking: fd == 16 writes one byte past the
 * 16-byte stack array.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_read")
int read_fd_bucket(struct trace_event_raw_sys_enter *ctx)
{
	__u8 hist[16] = {};
	__u64 fd = ctx->args[0];

	if (fd > 16)
		return 0;
	hist[fd]++;
	bpf_printk("bucket0 %d bucket3 %d", hist[0], hist[3]);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
