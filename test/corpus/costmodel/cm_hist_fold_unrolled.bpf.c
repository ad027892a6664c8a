// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the same 64-bucket fold as cm_hist_fold_buckets but with
 * "#pragma unroll", the way older tools (pre-5.3 kernels had no bounded
 * loops) write it: straight-line code with one branch per bucket, so
 * the cost is in the branches rather than in loop iterations.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define NBUCKETS 64

struct hist {
	__u64 bucket[NBUCKETS];
};

struct summary {
	__u64 total;
	__u32 first;
	__u32 last;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, struct hist);
} hists SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, struct summary);
} summaries SEC(".maps");

SEC("perf_event")
int fold_unrolled(struct bpf_perf_event_data *ctx)
{
	__u32 key = bpf_get_smp_processor_id() & 15;
	struct summary *s;
	struct hist *h;
	__u64 total = 0;
	__u32 first = NBUCKETS, last = 0;
	int i;

	h = bpf_map_lookup_elem(&hists, &key);
	s = bpf_map_lookup_elem(&summaries, &key);
	if (!h || !s)
		return 0;
#pragma unroll
	for (i = 0; i < NBUCKETS; i++) {
		__u64 c = h->bucket[i];

		if (!c)
			continue;
		total += c;
		if (first == NBUCKETS)
			first = i;
		last = i;
	}
	s->total = total;
	s->first = first;
	s->last = last;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
