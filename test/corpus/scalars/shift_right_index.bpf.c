// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: a log-scale latency histogram: the top bits of a 64-bit value
 * (v >> 60, so 0..15) select one of 16 buckets.  A right shift by a
 * constant bounds the result.
 */
// EXPECT: accept
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
int top_bits(void *ctx)
{
	__u32 key = 0;
	struct hist *p = bpf_map_lookup_elem(&h, &key);

	if (!p)
		return 0;
	p->b[bpf_ktime_get_ns() >> 60]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
