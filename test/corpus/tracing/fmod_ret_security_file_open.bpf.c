// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: fmod_ret on a security_ hook (modifiable by name, as every
 * security_* function is): the program sees the hook's argument and the
 * return value so far, and its own return value replaces the hook's when
 * non-zero. Denies opens by one process with -EACCES.
 */
// EXPECT: accept (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

const volatile int target_tgid = 0;

SEC("fmod_ret/security_file_open")
int BPF_PROG(deny_open, struct file *file, int ret)
{
	if (ret)
		return ret;
	if ((bpf_get_current_pid_tgid() >> 32) != target_tgid)
		return 0;
	return -13;
}

char LICENSE[] SEC("license") = "GPL";
