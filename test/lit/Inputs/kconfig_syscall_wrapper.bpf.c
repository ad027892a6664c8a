// SPDX-License-Identifier: GPL-2.0
/* Test input: LINUX_HAS_SYSCALL_WRAPPER, which libbpf sets by opening a
 * kprobe perf event on __x64_sys_bpf. Debian's 6.1 and 6.12 have kprobe
 * events: 1. The live 6.18 build has no CONFIG_KPROBES: libbpf's probe
 * fails and the extern is 0, so the program reads past its stack buffer
 * on 6.18 only. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern _Bool LINUX_HAS_SYSCALL_WRAPPER __kconfig;

SEC("kprobe/__x64_sys_kill")
int wrapper_gate(void *ctx)
{
	char buf[8] = {};

	if (!LINUX_HAS_SYSCALL_WRAPPER)
		return buf[*(volatile char *)&buf[1] + 16];
	return buf[0];
}
char LICENSE[] SEC("license") = "GPL";
