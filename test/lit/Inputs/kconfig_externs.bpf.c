// SPDX-License-Identifier: GPL-2.0
/* Test input: .kconfig externs resolved per kernel, and a '?' section. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern unsigned int LINUX_KERNEL_VERSION __kconfig;
extern unsigned int CONFIG_HZ __kconfig;
extern _Bool CONFIG_BPF_JIT_ALWAYS_ON __kconfig __weak;

/* Dead on every profiled kernel: the walk never reaches the bad load. */
SEC("?kprobe/do_nanosleep")
int version_gate(void *ctx)
{
	if (LINUX_KERNEL_VERSION < 0x060000)
		return *(int *)(long)ctx == 0;
	return CONFIG_HZ / 50;
}

/* 6.18's config sets CONFIG_BPF_JIT_ALWAYS_ON, Debian's 6.1 does not: the
 * weak extern is 0 there and the program reads past its stack buffer
 * (at an offset made of the kernel's version). */
SEC("kprobe/do_nanosleep")
int jit_gate(void *ctx)
{
	char buf[8] = {};

	if (!CONFIG_BPF_JIT_ALWAYS_ON)
		return buf[LINUX_KERNEL_VERSION >> 8];
	return buf[0];
}
char LICENSE[] SEC("license") = "GPL";
