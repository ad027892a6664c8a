// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: a constant index kept in a volatile local (so it can be patched in
 * the object later) selects a slot of a stack array.  With -mcpu=v4 clang
 * stores the constant with BPF_ST (store immediate).  Upstream, only 6.3+
 * remembers an immediate stored to the stack as a known constant, but the
 * Debian 6.1 build accepts it too (the index read back is known to be 2).
 */
// ORACLE-CFLAGS: -mcpu=v4
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_read")
int pick_slot(struct trace_event_raw_sys_enter *ctx)
{
	volatile __u64 idx = 2;
	__u64 slots[4] = { ctx->args[0], ctx->args[1], ctx->args[2], 0 };
	__u64 *p = slots;

	bpf_printk("slot %llu", p[idx]);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
