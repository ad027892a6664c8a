// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: the top nibble of a value is extracted with an arithmetic
 * (signed) shift, (long)x >> 60, giving [-8, 7] instead of [0, 15]; used
 * as an index it may be negative.  (Should have been an unsigned shift.)
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct hist {
	__u64 b[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct hist);
} h SEC(".maps");

SEC("tracepoint/sched/sched_switch")
int top_nibble(void *ctx)
{
	__u32 key = 0;
	struct hist *p = bpf_map_lookup_elem(&h, &key);
	long v = bpf_ktime_get_ns();

	if (!p)
		return 0;
	p->b[v >> 60]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
