// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: per-task vfs_read latency with fentry/fexit, keyed by pid as
 * fsslower-like tools do: fentry stores the start time, fexit reads the
 * file argument and the return value (the slot after the last argument)
 * and records slow reads into a ring buffer.
 */
// EXPECT: accept (6.18: load_error, no trampolines on the live build)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct event {
	u32 pid;
	u64 delta_ns;
	s64 ret;
	u64 ino;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	__type(key, u32);
	__type(value, u64);
} starts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 16);
} events SEC(".maps");

SEC("fentry/vfs_read")
int BPF_PROG(read_entry, struct file *file, char *buf, size_t count, loff_t *pos)
{
	u32 pid = bpf_get_current_pid_tgid();
	u64 ts = bpf_ktime_get_ns();

	bpf_map_update_elem(&starts, &pid, &ts, BPF_ANY);
	return 0;
}

SEC("fexit/vfs_read")
int BPF_PROG(read_exit, struct file *file, char *buf, size_t count, loff_t *pos, ssize_t ret)
{
	u32 pid = bpf_get_current_pid_tgid();
	u64 *tsp, delta;
	struct event *e;

	tsp = bpf_map_lookup_elem(&starts, &pid);
	if (!tsp)
		return 0;
	delta = bpf_ktime_get_ns() - *tsp;
	bpf_map_delete_elem(&starts, &pid);
	if (delta < 1000000)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = pid;
	e->delta_ns = delta;
	e->ret = ret;
	e->ino = file->f_inode->i_ino;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
