// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a kprobe on close_fd(unsigned int fd) reads the argument as an
 * int to catch negative values, built with -mcpu=v4: clang then reads the
 * low 32 bits of pt_regs->di with one sign-extending load (ldsx) straight
 * from the context.  Kernels before 6.6 do not know the instruction at all.
 */
// ORACLE-CFLAGS: -mcpu=v4
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kprobe/close_fd")
int close_neg(struct pt_regs *ctx)
{
	long fd = *(volatile int *)&PT_REGS_PARM1(ctx);

	if (fd < 0)
		bpf_printk("close of negative fd %ld", fd);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
