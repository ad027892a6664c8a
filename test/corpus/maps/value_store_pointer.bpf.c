// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: the developer stores the task_struct pointer returned by
 * bpf_get_current_task() in a map value to find it again later.  The
 * helper returns a plain integer, so storing it is an ordinary scalar
 * write and loads fine; stashing the ctx pointer itself (a real pointer)
 * is what a privileged loader may also do ("leaks addr" is only refused
 * for unprivileged programs).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct last_seen {
	__u64 task;
	__u64 regs;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct last_seen);
} last SEC(".maps");

SEC("kprobe/do_nanosleep")
int remember_task(struct pt_regs *ctx)
{
	__u32 key = 0;
	struct last_seen *v;

	v = bpf_map_lookup_elem(&last, &key);
	if (!v)
		return 0;
	v->task = bpf_get_current_task();
	v->regs = (__u64)ctx;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
