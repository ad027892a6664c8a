// SPDX-License-Identifier: BSD-2-Clause
/*
 * Tests: bpf_ringbuf_output() from a "BSD" licensed program.  Unlike
 * perf_event_output, the ring buffer helpers are not GPL-only, so a
 * permissively licensed tracer can stream events this way.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int send_exec(void *ctx)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();

	bpf_ringbuf_output(&events, &pid_tgid, sizeof(pid_tgid), 0);
	return 0;
}

char LICENSE[] SEC("license") = "BSD";
