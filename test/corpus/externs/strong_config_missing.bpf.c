// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a strong (not __weak) kconfig extern for an option the kernel's
 * config does not set: libbpf cannot resolve it and the load fails
 * ("extern 'CONFIG_...' (strong): not resolved") before verification.
 */
// EXPECT: load_error
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern bool CONFIG_BPF_NO_SUCH_FEATURE __kconfig;

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(nanosleep_entry)
{
	return CONFIG_BPF_NO_SUCH_FEATURE ? 1 : 0;
}

char LICENSE[] SEC("license") = "GPL";
