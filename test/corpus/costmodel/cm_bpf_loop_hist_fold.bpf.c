// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the bpf_loop() variant of cm_hist_fold_buckets: the 64-bucket
 * fold is a callback called by bpf_loop(64, ...) with a context struct
 * on the caller's stack holding the map value pointer and the running
 * total/first/last.  The verifier checks the callback body once (not 64
 * times), so the cost is small and independent of the bucket count.
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

struct fold_ctx {
	struct hist *h;
	__u64 total;
	__u32 first;
	__u32 last;
};

static int fold_one(__u32 i, struct fold_ctx *fc)
{
	__u64 c;

	if (i >= NBUCKETS)
		return 1;
	c = fc->h->bucket[i];
	if (!c)
		return 0;
	fc->total += c;
	if (fc->first == NBUCKETS)
		fc->first = i;
	fc->last = i;
	return 0;
}

SEC("perf_event")
int fold_bpf_loop(struct bpf_perf_event_data *ctx)
{
	__u32 key = bpf_get_smp_processor_id() & 15;
	struct fold_ctx fc = { .first = NBUCKETS };
	struct summary *s;

	fc.h = bpf_map_lookup_elem(&hists, &key);
	s = bpf_map_lookup_elem(&summaries, &key);
	if (!fc.h || !s)
		return 0;
	bpf_loop(NBUCKETS, fold_one, &fc, 0);
	s->total = fc.total;
	s->first = fc.first;
	s->last = fc.last;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
