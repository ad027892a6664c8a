// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the timer-based garbage collector (rejected twin) of a hash map: one array
 * element holds a struct bpf_timer; the first event arms it
 * (bpf_timer_init, bpf_timer_set_callback, bpf_timer_start), and the
 * timer callback (map, key, value) walks the flow table with
 * bpf_for_each_map_elem() to drop stale entries, then re-arms itself.
 * Here the callback returns 1 to say "done": timer callbacks must return 0.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define CLOCK_MONOTONIC 1
#define GC_PERIOD_NS (5ULL * 1000000000ULL)

struct gc_timer {
	struct bpf_timer t;
	__u64 runs;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct gc_timer);
} gc SEC(".maps");

struct flow {
	__u64 last_seen;
	__u64 packets;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32);
	__type(value, struct flow);
} flows SEC(".maps");

static long drop_stale(struct bpf_map *map, __u32 *key, struct flow *f, __u64 *now)
{
	if (*now - f->last_seen > GC_PERIOD_NS)
		bpf_map_delete_elem(map, key);
	return 0;
}

static int gc_run(void *map, __u32 *key, struct gc_timer *g)
{
	__u64 now = bpf_ktime_get_ns();

	bpf_for_each_map_elem(&flows, drop_stale, &now, 0);
	g->runs++;
	bpf_timer_start(&g->t, GC_PERIOD_NS, 0);
	return 1;
}

SEC("tc")
int track(struct __sk_buff *skb)
{
	__u32 zero = 0, id = skb->hash;
	struct gc_timer *g = bpf_map_lookup_elem(&gc, &zero);
	struct flow nf = { .last_seen = bpf_ktime_get_ns(), .packets = 1 }, *f;

	if (!g)
		return 0;
	if (bpf_timer_init(&g->t, &gc, CLOCK_MONOTONIC) == 0) {
		bpf_timer_set_callback(&g->t, gc_run);
		bpf_timer_start(&g->t, GC_PERIOD_NS, 0);
	}
	f = bpf_map_lookup_elem(&flows, &id);
	if (f) {
		f->last_seen = nf.last_seen;
		f->packets++;
	} else {
		bpf_map_update_elem(&flows, &id, &nf, BPF_NOEXIST);
	}
	return 0; /* TC_ACT_OK */
}

char LICENSE[] SEC("license") = "GPL";
