// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a sleepable fmod_ret (fmod_ret.s) on security_file_open: a
 * sleepable program is checked only for being sleepable (the security_
 * prefix that makes fmod_ret possible does not make it sleepable), so
 * without an error-injection list: "security_file_open is not sleepable".
 */
// EXPECT: reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

const volatile int target_tgid = 0;

SEC("fmod_ret.s/security_file_open")
int BPF_PROG(deny_open_s, struct file *file, int ret)
{
	if (ret)
		return ret;
	if ((bpf_get_current_pid_tgid() >> 32) != target_tgid)
		return 0;
	return -1;
}

char LICENSE[] SEC("license") = "GPL";
