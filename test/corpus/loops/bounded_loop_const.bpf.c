// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a plain bounded loop (kernel 5.3+) with a constant trip count,
 * kept as a real loop (unrolling disabled), summing a per-CPU histogram.
 * The verifier walks every iteration; with 32 iterations that is cheap.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define NBUCKETS 32

struct hist {
	__u64 slot[NBUCKETS];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct hist);
} lat SEC(".maps");

__u64 total;

SEC("tracepoint/sched/sched_switch")
int sum_hist(void *ctx)
{
	__u32 zero = 0;
	struct hist *h = bpf_map_lookup_elem(&lat, &zero);
	__u64 sum = 0;
	int i;

	if (!h)
		return 0;
#pragma clang loop unroll(disable)
	for (i = 0; i < NBUCKETS; i++)
		sum += h->slot[i];
	total = sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
