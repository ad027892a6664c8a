// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: filtering exec events by a command-name prefix configured from
 * user space in .rodata, with a strncmp-like bounded loop over
 * TASK_COMM_LEN bytes that breaks early on the first mismatch or at the
 * end of the prefix.  Events that match go to a ring buffer.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#define TASK_COMM_LEN 16

const volatile char targ_prefix[TASK_COMM_LEN] = "sshd";
const volatile __u32 targ_prefix_len = 4;

struct event {
	__u32 pid;
	__u32 ppid;
	char comm[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

static __always_inline int comm_has_prefix(const char *comm)
{
	int i;

	for (i = 0; i < TASK_COMM_LEN; i++) {
		if (i >= targ_prefix_len)
			return 1;
		if (comm[i] != targ_prefix[i])
			return 0;
		if (comm[i] == '\0')
			return 1;
	}
	return 1;
}

SEC("tracepoint/sched/sched_process_exec")
int handle_exec(struct trace_event_raw_sched_process_exec *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	char comm[TASK_COMM_LEN];
	struct event *e;

	bpf_get_current_comm(comm, sizeof(comm));
	if (!comm_has_prefix(comm))
		return 0;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->ppid = BPF_CORE_READ(task, real_parent, tgid);
	__builtin_memcpy(e->comm, comm, sizeof(comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
