// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_d_path from an fentry on filp_close, one of the functions
 * the kernel lets call it (btf_allowlist_d_path): a close tracer that
 * reports the closed file's path.
 */
// EXPECT: accept (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct close_event {
	__u32 pid;
	char path[256];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 16);
} events SEC(".maps");

SEC("fentry/filp_close")
int BPF_PROG(on_close, struct file *filp, fl_owner_t id)
{
	struct close_event *e;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	if (bpf_d_path(&filp->f_path, e->path, sizeof(e->path)) < 0)
		e->path[0] = 0;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
