// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Tests: the accepted twin of license_gpl_lowercase: "Dual BSD/GPL", the
 * license string of most libbpf-bootstrap style programs.
 */
// EXPECT: accept
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

char LICENSE[] SEC("license") = "Dual BSD/GPL";
