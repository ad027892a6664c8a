// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_current_comm() told the buffer is larger than it is.
 * A developer shrank the stack buffer to 8 bytes ("short names are enough")
 * but kept passing TASK_COMM_LEN as the size; the helper would write 16
 * bytes into an 8-byte slot, so the verifier must refuse the stack access.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TASK_COMM_LEN 16

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} short_comm SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int record_short_comm(void *ctx)
{
	__u64 name;	/* 8 bytes */
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	bpf_get_current_comm(&name, TASK_COMM_LEN);
	bpf_map_update_elem(&short_comm, &pid, &name, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
