// SPDX-License-Identifier: GPL-2.0
/* Test input: a strong .kconfig extern no kernel config sets, and one
 * whose type does not fit the option's value. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern _Bool CONFIG_BPF_NO_SUCH_OPTION __kconfig;

SEC("kprobe/do_nanosleep")
int strong_missing(void *ctx)
{
	return CONFIG_BPF_NO_SUCH_OPTION;
}

char LICENSE[] SEC("license") = "GPL";
