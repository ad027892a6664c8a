// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_perf_event_output() given a hash map.  A developer moved the
 * "events" map to BPF_MAP_TYPE_HASH while refactoring; perf_event_output
 * only works with BPF_MAP_TYPE_PERF_EVENT_ARRAY, which the verifier checks
 * on the map argument.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct event {
	__u32 pid;
	__u32 uid;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, __u32);
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
