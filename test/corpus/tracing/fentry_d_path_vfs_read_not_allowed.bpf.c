// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_d_path from an fentry on vfs_read, which is not on the
 * kernel's bpf_d_path allow-list (btf_allowlist_d_path): the helper is
 * refused before its arguments are looked at, "helper call is not allowed
 * in probe".
 */
// EXPECT: reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct read_event {
	__u32 pid;
	__s64 count;
	char path[256];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 16);
} events SEC(".maps");

SEC("fentry/vfs_read")
int BPF_PROG(on_read, struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct read_event *e;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->count = count;
	bpf_d_path(&file->f_path, e->path, sizeof(e->path));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
