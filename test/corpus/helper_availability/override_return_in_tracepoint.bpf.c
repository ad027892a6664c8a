// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_override_return() (error injection) from a syscall
 * tracepoint.  Overriding a return value needs the probed function's
 * registers, so the helper is only for kprobes (on functions allowed for
 * error injection), never for tracepoints.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

const volatile __u32 target_tgid = 0;

SEC("tracepoint/syscalls/sys_enter_openat")
int fail_open(struct trace_event_raw_sys_enter *ctx)
{
	if ((bpf_get_current_pid_tgid() >> 32) == target_tgid)
		bpf_override_return((struct pt_regs *)ctx, -2 /* -ENOENT */);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
