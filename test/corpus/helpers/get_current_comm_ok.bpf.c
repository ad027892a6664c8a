// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_current_comm() into a stack buffer of exactly
 * TASK_COMM_LEN bytes, the size passed as sizeof(buf).  This is how every
 * exec/open tracer names the process; the verifier checks that the size
 * argument is a constant that fits the buffer.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, char[16]);
} comm_by_pid SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int record_comm(void *ctx)
{
	char comm[16];
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	bpf_get_current_comm(comm, sizeof(comm));
	bpf_map_update_elem(&comm_by_pid, &pid, comm, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
