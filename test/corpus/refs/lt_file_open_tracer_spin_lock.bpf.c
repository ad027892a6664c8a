// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: file tracing the way opensnoop-like tools do it, with a ring
 * buffer, a spin lock and a global subprogram: sys_enter_openat stashes the
 * filename pointer and flags per thread; sys_exit_openat reserves an event,
 * fills it (pid, uid, comm, flags, return value, filename), updates the
 * per-uid statistics under a bpf_spin_lock in a hash map value (opens,
 * failures, last-seen time) and submits or discards the event. A noinline
 * global function classifies the open flags. Every path ends the
 * reservation and releases the lock, but a tracepoint program may not use
 * a map whose value holds a bpf_spin_lock: the kernel rejects it (the
 * accepted twin, lt_file_open_tracer, counts with atomics instead).
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TASK_COMM_LEN 16
#define NAME_LEN 128
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_TRUNC 01000

struct open_args {
	const char *filename;
	__u64 flags;
};

struct open_event {
	__u64 ts;
	__u32 pid;
	__u32 uid;
	__s32 ret;
	__u32 kind;
	__u64 flags;
	char comm[TASK_COMM_LEN];
	char name[NAME_LEN];
};

struct uid_stats {
	struct bpf_spin_lock lock;
	__u64 opens;
	__u64 failures;
	__u64 writes;
	__u64 last_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, struct open_args);
} pending SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct uid_stats);
} stats_by_uid SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 18);
} events SEC(".maps");

const volatile __u32 target_pid = 0;
const volatile bool failed_only = false;

enum { KIND_READ = 0, KIND_WRITE = 1, KIND_CREATE = 2 };

__noinline int open_kind(__u64 flags)
{
	if (flags & O_CREAT)
		return KIND_CREATE;
	if (flags & (O_WRONLY | O_RDWR | O_TRUNC))
		return KIND_WRITE;
	return KIND_READ;
}

SEC("tracepoint/syscalls/sys_enter_openat")
int trace_enter(struct trace_event_raw_sys_enter *ctx)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)id;
	struct open_args args = {};

	if (target_pid && target_pid != id >> 32)
		return 0;
	args.filename = (const char *)ctx->args[1];
	args.flags = ctx->args[2];
	bpf_map_update_elem(&pending, &tid, &args, BPF_ANY);
	return 0;
}

static __always_inline void account(__u32 uid, int ret, int kind, __u64 now)
{
	struct uid_stats zero = {}, *st;

	st = bpf_map_lookup_elem(&stats_by_uid, &uid);
	if (!st) {
		bpf_map_update_elem(&stats_by_uid, &uid, &zero, BPF_NOEXIST);
		st = bpf_map_lookup_elem(&stats_by_uid, &uid);
		if (!st)
			return;
	}
	bpf_spin_lock(&st->lock);
	st->opens++;
	if (ret < 0)
		st->failures++;
	if (kind != KIND_READ)
		st->writes++;
	st->last_ns = now;
	bpf_spin_unlock(&st->lock);
}

SEC("tracepoint/syscalls/sys_exit_openat")
int trace_exit(struct trace_event_raw_sys_exit *ctx)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)id;
	struct open_args *args;
	struct open_event *e;
	int ret = ctx->ret;
	int kind;

	args = bpf_map_lookup_elem(&pending, &tid);
	if (!args)
		return 0;
	kind = open_kind(args->flags);
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		goto cleanup;
	e->ts = bpf_ktime_get_ns();
	e->pid = id >> 32;
	e->uid = (__u32)bpf_get_current_uid_gid();
	e->ret = ret;
	e->kind = kind;
	e->flags = args->flags;
	bpf_get_current_comm(&e->comm, sizeof(e->comm));
	if (bpf_probe_read_user_str(&e->name, sizeof(e->name), args->filename) < 0)
		e->name[0] = '\0';
	account(e->uid, ret, kind, e->ts);
	if (failed_only && ret >= 0)
		bpf_ringbuf_discard(e, 0);
	else
		bpf_ringbuf_submit(e, 0);
cleanup:
	bpf_map_delete_elem(&pending, &tid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
