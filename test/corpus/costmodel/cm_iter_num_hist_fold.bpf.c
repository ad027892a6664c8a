// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the open-coded iterator variant of cm_hist_fold_buckets
 * (bpf_iter_num_new/next/destroy, what libbpf's bpf_for() expands to,
 * spelled out because the distribution's libbpf headers predate it):
 * the index is checked against the bucket count before the access.  The
 * verifier converges the iterator loop instead of walking 64 times.
 * 6.1 has no iterator kfuncs, so the weak calls stay unresolved there.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define NBUCKETS 64

struct bpf_iter_num___local {
	__u64 __opaque[1];
} __attribute__((aligned(8)));

extern int bpf_iter_num_new(struct bpf_iter_num___local *it, int start, int end) __weak __ksym;
extern int *bpf_iter_num_next(struct bpf_iter_num___local *it) __weak __ksym;
extern void bpf_iter_num_destroy(struct bpf_iter_num___local *it) __weak __ksym;

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
int fold_iter(struct bpf_perf_event_data *ctx)
{
	__u32 key = bpf_get_smp_processor_id() & 15;
	struct bpf_iter_num___local it;
	struct summary *s;
	struct hist *h;
	__u64 total = 0;
	__u32 first = NBUCKETS, last = 0;
	int *ip;

	h = bpf_map_lookup_elem(&hists, &key);
	s = bpf_map_lookup_elem(&summaries, &key);
	if (!h || !s)
		return 0;
	bpf_iter_num_new(&it, 0, NBUCKETS);
	while ((ip = bpf_iter_num_next(&it))) {
		int i = *ip;
		__u64 c;

		if (i < 0 || i >= NBUCKETS)
			break;
		c = h->bucket[i];
		if (!c)
			continue;
		total += c;
		if (first == NBUCKETS)
			first = i;
		last = i;
	}
	bpf_iter_num_destroy(&it);
	s->total = total;
	s->first = first;
	s->last = last;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
