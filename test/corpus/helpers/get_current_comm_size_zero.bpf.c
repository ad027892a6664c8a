// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_current_comm() with a size of 0.  The size comes from a
 * macro that a config header left at 0 ("comm capture disabled").  Unlike
 * bpf_probe_read_kernel(), whose size may be zero, this helper's size
 * argument must be strictly positive, so the verifier rejects a zero-sized
 * access.  The wording of that message changed between kernels.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define COMM_CAPTURE_LEN 0

struct event {
	__u32 pid;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct event);
} scratch SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int comm_disabled(void *ctx)
{
	__u32 zero = 0;
	struct event *e = bpf_map_lookup_elem(&scratch, &zero);

	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	bpf_get_current_comm(e->comm, COMM_CAPTURE_LEN);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
