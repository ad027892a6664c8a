// SPDX-License-Identifier: GPL-2.0
/*
 * Ring buffer event producer: on every execve() send an event with pid,
 * tgid, uid, timestamp, comm and the filename being executed to user space
 * through a BPF ring buffer (bpf_ringbuf_reserve / bpf_ringbuf_submit).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TASK_COMM_LEN	16
#define MAX_FILENAME	128

struct exec_event {
	__u32 pid;
	__u32 tgid;
	__u32 uid;
	__u32 filename_len;
	__u64 ts_ns;
	char comm[TASK_COMM_LEN];
	char filename[MAX_FILENAME];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int trace_execve(struct trace_event_raw_sys_enter *ctx)
{
	const char *filename = (const char *)ctx->args[0];
	__u64 id = bpf_get_current_pid_tgid();
	struct exec_event *e;
	long n;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;	/* buffer full: drop the event */

	e->pid = (__u32)id;
	e->tgid = id >> 32;
	e->uid = (__u32)bpf_get_current_uid_gid();
	e->ts_ns = bpf_ktime_get_ns();
	bpf_get_current_comm(e->comm, sizeof(e->comm));

	n = bpf_probe_read_user_str(e->filename, sizeof(e->filename), filename);
	if (n < 0) {
		bpf_ringbuf_discard(e, 0);
		return 0;
	}
	e->filename_len = n;

	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
