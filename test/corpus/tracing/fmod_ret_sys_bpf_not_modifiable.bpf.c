// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: fmod_ret on a syscall to deny bpf() to a process (a common
 * hardening idea). fmod_ret needs a target whose return value may be
 * changed: one on the error-injection list or named security_*; a kernel
 * built without CONFIG_FUNCTION_ERROR_INJECTION has no list, so
 * "__x64_sys_bpf() is not modifiable".
 */
// EXPECT: reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

const volatile int denied_tgid = 0;

SEC("fmod_ret/__x64_sys_bpf")
int BPF_PROG(deny_bpf, struct pt_regs *regs, long ret)
{
	if ((bpf_get_current_pid_tgid() >> 32) == denied_tgid)
		return -1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
