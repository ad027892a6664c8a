// SPDX-License-Identifier: GPL-2.0
/* Test input: a program that reads a .kconfig extern. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

extern int LINUX_KERNEL_VERSION __kconfig;

SEC("kprobe/do_unlinkat")
int ext_prog(void *ctx)
{
	return LINUX_KERNEL_VERSION > 0;
}

char LICENSE[] SEC("license") = "GPL";
