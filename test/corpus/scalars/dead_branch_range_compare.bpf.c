// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: a defensive "can't happen" branch compares two bounded runtime
 * values, head (0..7) and limit (16..23), and on the impossible path does
 * an unchecked access.  Since 6.7 the verifier compares two ranges and
 * prunes the dead branch; 6.1 only decides branches against constants and
 * walks into it.  (The barrier hides the ranges from clang, which would
 * otherwise delete the branch itself.)
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct ring {
	__u32 slot[8];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ring);
} rings SEC(".maps");

SEC("tracepoint/sched/sched_wakeup")
int ring_put(void *ctx)
{
	__u32 key = 0, head, limit;
	__u64 big;
	struct ring *r = bpf_map_lookup_elem(&rings, &key);

	if (!r)
		return 0;
	head = bpf_get_prandom_u32() & 7;
	limit = (bpf_get_prandom_u32() & 7) | 16;
	big = bpf_get_prandom_u32();
	asm volatile("" : "+r"(head), "+r"(limit));
	if (head > limit)	/* cannot happen */
		r->slot[big] = 0;
	else
		r->slot[head] = 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
