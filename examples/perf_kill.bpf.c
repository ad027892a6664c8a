// SPDX-License-Identifier: GPL-2.0
/*
 * Perf event output: report every kill() syscall (sender, target, signal,
 * sender comm) to user space through a BPF_MAP_TYPE_PERF_EVENT_ARRAY with
 * bpf_perf_event_output().  The event is built on the stack.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TASK_COMM_LEN 16

struct kill_event {
	__u32 sender_tgid;
	__s32 target_pid;
	__s32 sig;
	__u32 pad;
	__u64 ts_ns;
	char comm[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
	/* max_entries left 0: libbpf sizes it to the number of CPUs */
} kill_events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_kill")
int trace_kill(struct trace_event_raw_sys_enter *ctx)
{
	struct kill_event ev = {};

	ev.sig = (int)ctx->args[1];
	if (ev.sig == 0)
		return 0;	/* existence probe, not a signal */

	ev.sender_tgid = bpf_get_current_pid_tgid() >> 32;
	ev.target_pid = (int)ctx->args[0];
	ev.ts_ns = bpf_ktime_get_ns();
	bpf_get_current_comm(ev.comm, sizeof(ev.comm));

	bpf_perf_event_output(ctx, &kill_events, BPF_F_CURRENT_CPU,
			      &ev, sizeof(ev));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
