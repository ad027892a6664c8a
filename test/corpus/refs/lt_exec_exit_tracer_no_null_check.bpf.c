// SPDX-License-Identifier: GPL-2.0
/*
 * Tests (rejected twin of lt_exec_exit_tracer): a process lifecycle tracer the way execsnoop/exitsnoop-like tools
 * write it: tp/sched/sched_process_exec and sched_process_exit each reserve a
 * ring buffer record, fill it from the tracepoint context and the current
 * task (BPF_CORE_READ of real_parent->tgid, exit_code, start_time) and submit
 * it. A static __noinline subprogram decides from the comm whether the task
 * is filtered out (a prefix compare against a configured comm); the exit
 * handler keeps per-tgid exec counts in a hash map and drops them at exit.
 * The bug: the exit handler writes into the record without checking the
 * reservation for NULL (the ring buffer may be full).
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#define TASK_COMM_LEN 16
#define FILENAME_LEN 127

enum event_kind { EV_EXEC = 1, EV_EXIT = 2 };

struct lifecycle_event {
	__u32 kind;
	__u32 pid;
	__u32 ppid;
	__s32 exit_code;
	__u64 ts;
	__u64 duration_ns;
	__u32 execs;
	char comm[TASK_COMM_LEN];
	char filename[FILENAME_LEN + 1];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u32);
} exec_count SEC(".maps");

const volatile char filter_comm[TASK_COMM_LEN] = {};
const volatile __u32 filter_len = 0;
const volatile bool skip_threads = true;

/* 1 when the comm starts with the configured prefix (or no filter is set) */
static __noinline int comm_allowed(const char *comm)
{
	int i;

	if (filter_len == 0)
		return 1;
	for (i = 0; i < TASK_COMM_LEN; i++) {
		if (i >= filter_len)
			break;
		if (comm[i] != filter_comm[i])
			return 0;
	}
	return 1;
}

SEC("tp/sched/sched_process_exec")
int handle_exec(struct trace_event_raw_sched_process_exec *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	unsigned int off = ctx->__data_loc_filename & 0xFFFF;
	__u32 pid = ctx->pid, one = 1, *cnt;
	struct lifecycle_event *e;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	bpf_get_current_comm(&e->comm, sizeof(e->comm));
	if (!comm_allowed(e->comm)) {
		bpf_ringbuf_discard(e, 0);
		return 0;
	}
	cnt = bpf_map_lookup_elem(&exec_count, &pid);
	if (cnt) {
		__sync_fetch_and_add(cnt, 1);
		e->execs = *cnt;
	} else {
		bpf_map_update_elem(&exec_count, &pid, &one, BPF_ANY);
		e->execs = 1;
	}
	e->kind = EV_EXEC;
	e->pid = pid;
	e->ppid = BPF_CORE_READ(task, real_parent, tgid);
	e->exit_code = 0;
	e->ts = bpf_ktime_get_ns();
	e->duration_ns = 0;
	bpf_probe_read_str(&e->filename, sizeof(e->filename), (void *)ctx + off);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

SEC("tp/sched/sched_process_exit")
int handle_exit(struct trace_event_raw_sched_process_template *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u64 id = bpf_get_current_pid_tgid();
	__u32 pid = id >> 32, tid = (__u32)id, *cnt;
	struct lifecycle_event *e;
	__u64 start;

	if (skip_threads && pid != tid)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	e->kind = EV_EXIT;
	bpf_get_current_comm(&e->comm, sizeof(e->comm));
	if (!comm_allowed(e->comm)) {
		bpf_ringbuf_discard(e, 0);
		goto forget;
	}
	cnt = bpf_map_lookup_elem(&exec_count, &pid);
	e->execs = cnt ? *cnt : 0;
	e->kind = EV_EXIT;
	e->pid = pid;
	e->ppid = BPF_CORE_READ(task, real_parent, tgid);
	e->exit_code = (BPF_CORE_READ(task, exit_code) >> 8) & 0xff;
	e->ts = bpf_ktime_get_ns();
	start = BPF_CORE_READ(task, start_time);
	e->duration_ns = e->ts - start;
	e->filename[0] = '\0';
	bpf_ringbuf_submit(e, 0);
forget:
	bpf_map_delete_elem(&exec_count, &pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
