// SPDX-License-Identifier: GPL-2.0
/*
 * Tracepoint on syscalls/sys_enter_openat: count openat() calls per process
 * in a hash map, and remember the last O_CREAT time per process.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define O_CREAT 0100

struct open_stats {
	__u64 opens;
	__u64 creates;
	__u64 last_create_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);		/* tgid */
	__type(value, struct open_stats);
} open_stats SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int count_openat(struct trace_event_raw_sys_enter *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	int flags = (int)ctx->args[2];
	struct open_stats *st;

	st = bpf_map_lookup_elem(&open_stats, &tgid);
	if (!st) {
		struct open_stats zero = {};

		bpf_map_update_elem(&open_stats, &tgid, &zero, BPF_NOEXIST);
		st = bpf_map_lookup_elem(&open_stats, &tgid);
		if (!st)
			return 0;
	}

	__sync_fetch_and_add(&st->opens, 1);
	if (flags & O_CREAT) {
		__sync_fetch_and_add(&st->creates, 1);
		st->last_create_ns = bpf_ktime_get_ns();
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
