// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: process tracing to a ring buffer the way execsnoop-like tools
 * do it: sched_process_exec reserves an event, fills pid/ppid/uid and
 * comm, discards it for filtered uids or when the filename cannot be
 * read, and submits it otherwise (with BPF_RB_NO_WAKEUP under load);
 * sched_process_exit reserves a smaller event and submits it. Every path
 * ends the reservation.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#define TASK_COMM_LEN 16
#define MAX_FILENAME 127

enum { EV_EXEC = 1, EV_EXIT = 2 };

struct exec_event {
	__u32 type;
	__u32 pid;
	__u32 ppid;
	__u32 uid;
	char comm[TASK_COMM_LEN];
	char filename[MAX_FILENAME + 1];
};

struct exit_event {
	__u32 type;
	__u32 pid;
	__u32 exit_code;
	__u32 pad;
	__u64 duration_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u64);
} start_ns SEC(".maps");

const volatile __u32 filter_uid = (__u32)-1;

SEC("tp/sched/sched_process_exec")
int handle_exec(struct trace_event_raw_sched_process_exec *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	unsigned int fname_off = ctx->__data_loc_filename & 0xFFFF;
	struct exec_event *e;
	__u64 now = bpf_ktime_get_ns();
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	long flags = 0;

	bpf_map_update_elem(&start_ns, &pid, &now, BPF_ANY);
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->type = EV_EXEC;
	e->pid = pid;
	e->uid = uid;
	e->ppid = BPF_CORE_READ(task, real_parent, tgid);
	if (filter_uid != (__u32)-1 && uid != filter_uid) {
		bpf_ringbuf_discard(e, 0);
		return 0;
	}
	bpf_get_current_comm(&e->comm, sizeof(e->comm));
	if (bpf_probe_read_kernel_str(&e->filename, sizeof(e->filename),
				      (void *)ctx + fname_off) < 0) {
		bpf_ringbuf_discard(e, BPF_RB_NO_WAKEUP);
		return 0;
	}
	if (bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) > (1 << 19))
		flags = BPF_RB_NO_WAKEUP;
	bpf_ringbuf_submit(e, flags);
	return 0;
}

SEC("tp/sched/sched_process_exit")
int handle_exit(struct trace_event_raw_sched_process_template *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u64 id = bpf_get_current_pid_tgid();
	__u32 pid = id >> 32;
	struct exit_event *e;
	__u64 *start;

	if (pid != (__u32)id)
		return 0; /* a thread, not the process */
	start = bpf_map_lookup_elem(&start_ns, &pid);
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->type = EV_EXIT;
	e->pid = pid;
	e->exit_code = (BPF_CORE_READ(task, exit_code) >> 8) & 0xff;
	e->duration_ns = start ? bpf_ktime_get_ns() - *start : 0;
	bpf_ringbuf_submit(e, 0);
	bpf_map_delete_elem(&start_ns, &pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
