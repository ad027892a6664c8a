// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: the distance pos - base of two bounded unsigned values (0..15)
 * is used as an index, assuming pos >= base.  Nothing checks that, so the
 * difference can be negative (wraps to a huge unsigned number).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct win {
	__u32 base;
	__u32 pos;
	__u8 buf[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct win);
} wins SEC(".maps");

SEC("tracepoint/sched/sched_wakeup")
int window(void *ctx)
{
	__u32 key = 0;
	struct win *w = bpf_map_lookup_elem(&wins, &key);
	__u64 d;

	if (!w)
		return 0;
	d = (__u64)(w->pos & 15) - (w->base & 15);
	w->buf[d] = 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
