// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_perf_event_output() whose size covers more than the record.
 * The developer passes sizeof(*e) where e points to the small header of a
 * bigger event, reading past the end of the stack object; the verifier
 * checks the whole [data, data + size) range.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct hdr {
	__u32 type;
	__u32 pid;
};

struct full_event {
	struct hdr h;
	__u64 ts;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int send_exec(void *ctx)
{
	struct hdr h = { .type = 1, .pid = bpf_get_current_pid_tgid() >> 32 };

	/* meant to send the full event, sends the header with the wrong size */
	bpf_perf_event_output(ctx, &events, BPF_F_CURRENT_CPU, &h,
			      sizeof(struct full_event));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
