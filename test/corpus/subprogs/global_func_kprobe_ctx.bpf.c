// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global function in a kprobe program taking struct pt_regs *
 * (what PT_REGS_PARM1() needs), called with the kprobe's ctx. Whether
 * struct pt_regs * is recognised as the kprobe ctx type for a global
 * function argument (the kernel's ctx type is bpf_user_pt_regs_t) changed
 * across kernel versions; on x86 both 6.1 and 6.18 accept it.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

__u64 big_reads;

__noinline int is_big_read(struct pt_regs *regs)
{
	return PT_REGS_PARM3(regs) > 65536;
}

SEC("kprobe/vfs_read")
int trace_read(struct pt_regs *ctx)
{
	if (is_big_read(ctx))
		__sync_fetch_and_add(&big_reads, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
