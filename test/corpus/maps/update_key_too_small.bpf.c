// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: the map key was widened to a 64-bit pid_tgid, but the update still
 * passes the address of a 32-bit pid.  The helper reads key_size (8) bytes
 * starting at a 4-byte stack variable, i.e. past what was written.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);	/* pid_tgid */
	__type(value, __u64);	/* start time */
} start SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_nanosleep")
int sleep_enter(void *ctx)
{
	__u32 pid = (__u32)bpf_get_current_pid_tgid();
	__u64 ts = bpf_ktime_get_ns();

	bpf_map_update_elem(&start, &pid, &ts, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
