// SPDX-License-Identifier: GPL-2.0
/* Test input: a bool option ("y") declared as an int extern. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern int CONFIG_BPF_SYSCALL __kconfig;

SEC("kprobe/do_nanosleep")
int type_mismatch(void *ctx)
{
	return CONFIG_BPF_SYSCALL;
}

char LICENSE[] SEC("license") = "GPL";
