// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: execsnoop-style argument capture: on execve() entry up to 20
 * argv strings are read from user memory, each with
 * bpf_probe_read_user() for the pointer and bpf_probe_read_user_str()
 * into a shared byte buffer at a running offset; the loop breaks on the
 * NULL terminator, on a read error, or when the buffer is nearly full.
 * The running offset is a scalar compared against a limit on every
 * iteration before it is used as an index into the map value.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define TASK_COMM_LEN 16
#define ARGSIZE 128
#define TOTAL_MAX_ARGS 20
#define FULL_MAX_ARGS_ARR (TOTAL_MAX_ARGS * ARGSIZE)
#define LAST_ARG (FULL_MAX_ARGS_ARR - ARGSIZE)

struct exec_event {
	__u32 pid;
	__u32 ppid;
	__u32 uid;
	__s32 args_count;
	__u32 args_size;
	char comm[TASK_COMM_LEN];
	char args[FULL_MAX_ARGS_ARR];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, struct exec_event);
} execs SEC(".maps");

static const struct exec_event empty_event = {};

const volatile bool ignore_failed = true;
const volatile int max_args = TOTAL_MAX_ARGS;

SEC("tracepoint/syscalls/sys_enter_execve")
int tracepoint__syscalls__sys_enter_execve(struct trace_event_raw_sys_enter *ctx)
{
	struct task_struct *task;
	struct exec_event *e;
	const char **args = (const char **)(ctx->args[1]);
	const char *argp;
	__u64 id = bpf_get_current_pid_tgid();
	__u32 pid = (__u32)id;
	int ret, i;

	if (bpf_map_update_elem(&execs, &pid, &empty_event, BPF_NOEXIST))
		return 0;
	e = bpf_map_lookup_elem(&execs, &pid);
	if (!e)
		return 0;

	e->pid = id >> 32;
	e->uid = (__u32)bpf_get_current_uid_gid();
	task = (struct task_struct *)bpf_get_current_task();
	e->ppid = (__u32)BPF_CORE_READ(task, real_parent, tgid);
	e->args_count = 0;
	e->args_size = 0;

	ret = bpf_probe_read_user_str(e->args, ARGSIZE, (const char *)ctx->args[0]);
	if (ret < 0)
		return 0;
	if (ret <= ARGSIZE)
		e->args_size += ret;
	else
		e->args[0] = '\0';

	e->args_count++;
	for (i = 1; i < TOTAL_MAX_ARGS && i < max_args; i++) {
		if (bpf_probe_read_user(&argp, sizeof(argp), &args[i]) || !argp)
			return 0;
		if (e->args_size > LAST_ARG)
			return 0;
		ret = bpf_probe_read_user_str(&e->args[e->args_size], ARGSIZE, argp);
		if (ret < 0)
			return 0;
		e->args_count++;
		e->args_size += ret;
	}
	/* more args than we could capture */
	if (bpf_probe_read_user(&argp, sizeof(argp), &args[TOTAL_MAX_ARGS]) || !argp)
		return 0;
	e->args_count++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
