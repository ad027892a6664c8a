// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: license string "gpl" in lower case.  The kernel compares license
 * strings exactly (license_is_gpl_compatible: "GPL", "GPL v2", "Dual
 * BSD/GPL", ...), so "gpl" is not GPL-compatible and perf_event_output
 * (GPL-only) is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int send_exec(void *ctx)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();

	bpf_perf_event_output(ctx, &events, BPF_F_CURRENT_CPU, &pid_tgid,
			      sizeof(pid_tgid));
	return 0;
}

char LICENSE[] SEC("license") = "gpl";
