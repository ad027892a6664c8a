// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a program that "caches" a computed value in a kconfig extern.
 * The .kconfig map is created read-only for programs (BPF_F_RDONLY_PROG)
 * and frozen: the store is refused ("write into map forbidden").
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern int CONFIG_HZ __kconfig;
extern __u32 LINUX_KERNEL_VERSION __kconfig;

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(nanosleep_entry)
{
	/* "remember" a tick rate once, on a random first call */
	if (bpf_get_prandom_u32() == 0)
		*(volatile int *)&CONFIG_HZ = 100;
	return LINUX_KERNEL_VERSION > 0;
}

char LICENSE[] SEC("license") = "GPL";
