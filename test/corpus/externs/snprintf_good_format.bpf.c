// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers: the twin of snprintf_bad_format.bpf.c with a format the kernel
 * accepts ("%llu", "%s" of a stack string): bpf_snprintf checks the
 * constant format in the frozen .rodata map at verification time.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char out[64];

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(nanosleep_entry)
{
	__u64 pid = bpf_get_current_pid_tgid() >> 32;
	char comm[16];

	bpf_get_current_comm(comm, sizeof(comm));
	BPF_SNPRINTF(out, sizeof(out), "%s[%llu] slept", comm, pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
