// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the correct bpf_perf_event_output(): a PERF_EVENT_ARRAY map,
 * BPF_F_CURRENT_CPU, a stack record and its sizeof.  The classic (pre
 * ring buffer) way to stream events to user space.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct event {
	__u32 pid;
	__u32 uid;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int send_exec(void *ctx)
{
	struct event e = {
		.pid = bpf_get_current_pid_tgid() >> 32,
		.uid = (__u32)bpf_get_current_uid_gid(),
	};

	bpf_perf_event_output(ctx, &events, BPF_F_CURRENT_CPU, &e, sizeof(e));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
