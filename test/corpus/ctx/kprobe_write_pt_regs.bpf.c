// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a kprobe tries to change the size argument of vfs_write() by
 * assigning to the register in pt_regs, hoping to shorten writes.  kprobe
 * programs see pt_regs read-only (bpf_override_return() is the only
 * sanctioned way to change behaviour).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kprobe/vfs_write")
int clamp_write(struct pt_regs *ctx)
{
	if (PT_REGS_PARM3(ctx) > 4096)
		PT_REGS_PARM3(ctx) = 4096;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
