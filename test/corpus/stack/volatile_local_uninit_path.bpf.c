// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: a volatile local (used to keep clang from optimising the value
 * away) is only assigned when the syscall's flags ask for it, but returned
 * on every path.  On the other path the stack slot is read uninitialised.
 * Privileged programs may read uninitialised stack since 6.3; 6.1 refuses.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_openat")
int openat_flags(struct trace_event_raw_sys_enter *ctx)
{
	volatile __u64 mode;

	if (ctx->args[2] & 0100)	/* O_CREAT */
		mode = ctx->args[3];
	bpf_printk("mode %llo", mode);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
