// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_d_path from lsm/file_open, a hook on the sleepable list, so
 * the helper is allowed there (non-sleepable program): records the path
 * of every file opened by one process.
 */
// EXPECT: accept (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct open_event {
	__u32 pid;
	char path[256];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 16);
} events SEC(".maps");

const volatile __u32 target_tgid = 0;

SEC("lsm/file_open")
int BPF_PROG(audit_open, struct file *file)
{
	struct open_event *e;
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;

	if (target_tgid && tgid != target_tgid)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = tgid;
	bpf_d_path(&file->f_path, e->path, sizeof(e->path));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
