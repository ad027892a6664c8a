// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an LSM program that returns 1 to mean "deny" (a boolean habit)
 * instead of a negative errno. Newer kernels check the hook's errno range
 * [-4095, 0] at exit; older ones let any value through.
 */
// EXPECT: 6.1 accept, 6.12 reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm/file_open")
int BPF_PROG(deny_open, struct file *file)
{
	if (file->f_flags & 0x200 /* O_TRUNC */)
		return 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
