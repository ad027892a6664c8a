// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers: bpf_snprintf through libbpf's BPF_SNPRINTF macro, whose format
 * string lands in .rodata (a frozen read-only map the verifier reads).
 * "%lz" is no conversion the kernel knows: the format check refuses it.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char out[64];

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(nanosleep_entry)
{
	__u64 pid = bpf_get_current_pid_tgid() >> 32;

	BPF_SNPRINTF(out, sizeof(out), "pid %lz slept", pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
