// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a process-exec tracer (execsnoop-like) whose event filling lives
 * in global functions taking a pointer to the event on the caller's stack:
 * the kernel types such an argument as memory of the pointee's size that
 * may be NULL, so each function checks it before writing. The event goes
 * out through a perf buffer.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define TASK_COMM_LEN 16

struct exec_event {
	__u32 pid;
	__u32 tgid;
	__u32 uid;
	__u32 retval;
	__u64 ts;
	char comm[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} events SEC(".maps");

const volatile __u32 targ_uid = 0;

__noinline int fill_ids(struct exec_event *e)
{
	__u64 id = bpf_get_current_pid_tgid();

	if (!e)
		return -1;
	e->pid = (__u32)id;
	e->tgid = id >> 32;
	e->uid = (__u32)bpf_get_current_uid_gid();
	e->ts = bpf_ktime_get_ns();
	return 0;
}

__noinline int fill_comm(struct exec_event *e)
{
	if (!e)
		return -1;
	return bpf_get_current_comm(e->comm, sizeof(e->comm));
}

__noinline int uid_filtered(__u32 uid)
{
	return targ_uid && uid != targ_uid;
}

SEC("tracepoint/syscalls/sys_exit_execve")
int handle_exit_execve(struct trace_event_raw_sys_exit *ctx)
{
	struct exec_event e = {};

	if (fill_ids(&e))
		return 0;
	if (uid_filtered(e.uid))
		return 0;
	fill_comm(&e);
	e.retval = ctx->ret;
	bpf_perf_event_output(ctx, &events, BPF_F_CURRENT_CPU, &e, sizeof(e));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
