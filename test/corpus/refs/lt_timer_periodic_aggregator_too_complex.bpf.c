// SPDX-License-Identifier: GPL-2.0
/*
 * Tests (rejected twin of lt_timer_periodic_aggregator): a periodic aggregator driven by a bpf_timer, the way traffic
 * monitors flush counters without a user-space poll: tc egress adds packet
 * and byte counts to a per-interval array slot; the first packet arms a
 * timer kept in an array map value (bpf_timer_init, bpf_timer_set_callback,
 * bpf_timer_start). The timer callback sums the interval slots (a static
 * __noinline subprogram), emits one ring buffer record per interval with the
 * totals, resets the slots and re-arms itself. Timer callbacks return 0.
 * Here the subprogram sums the slots with a plain for loop over map lookups
 * (its twin uses bpf_for_each_map_elem()); the kernel gives up on it with
 * "The sequence of 8193 jumps is too complex.": walking the loop in the
 * timer callback queues pending branches until the limit of 8192.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define CLOCK_MONOTONIC 1
#define TC_ACT_OK 0
#define NR_SLOTS 8
#define INTERVAL_NS (1000ULL * 1000 * 1000)

struct agg_timer {
	struct bpf_timer timer;
	__u64 armed_ns;
	__u64 intervals;
};

struct agg_slot {
	__u64 packets;
	__u64 bytes;
};

struct interval_report {
	__u64 start_ns;
	__u64 end_ns;
	__u64 packets;
	__u64 bytes;
	__u64 seq;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct agg_timer);
} agg_timers SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NR_SLOTS);
	__type(key, __u32);
	__type(value, struct agg_slot);
} slots SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} reports SEC(".maps");

/* sums and clears every slot; returns the packet total, bytes via *bytes */
static __noinline __u64 drain_slots(__u64 *bytes)
{
	__u64 packets = 0, b = 0;
	__u32 i;

	for (i = 0; i < NR_SLOTS; i++) {
		struct agg_slot *s = bpf_map_lookup_elem(&slots, &i);

		if (!s)
			continue;
		packets += s->packets;
		b += s->bytes;
		s->packets = 0;
		s->bytes = 0;
	}
	*bytes = b;
	return packets;
}

static int on_interval(void *map, __u32 *key, struct agg_timer *t)
{
	struct interval_report *r;
	__u64 now = bpf_ktime_get_ns(), bytes = 0, packets;

	packets = drain_slots(&bytes);
	r = bpf_ringbuf_reserve(&reports, sizeof(*r), 0);
	if (r) {
		r->start_ns = t->armed_ns;
		r->end_ns = now;
		r->packets = packets;
		r->bytes = bytes;
		r->seq = ++t->intervals;
		bpf_ringbuf_submit(r, 0);
	}
	t->armed_ns = now;
	bpf_timer_start(&t->timer, INTERVAL_NS, 0);
	return 0;
}

SEC("tc")
int count_egress(struct __sk_buff *skb)
{
	__u32 zero = 0, slot = bpf_get_smp_processor_id() & (NR_SLOTS - 1);
	struct agg_timer *t;
	struct agg_slot *s;

	s = bpf_map_lookup_elem(&slots, &slot);
	if (s) {
		__sync_fetch_and_add(&s->packets, 1);
		__sync_fetch_and_add(&s->bytes, skb->len);
	}
	t = bpf_map_lookup_elem(&agg_timers, &zero);
	if (!t || t->armed_ns)
		return TC_ACT_OK;
	if (bpf_timer_init(&t->timer, &agg_timers, CLOCK_MONOTONIC))
		return TC_ACT_OK;
	t->armed_ns = bpf_ktime_get_ns();
	bpf_timer_set_callback(&t->timer, on_interval);
	bpf_timer_start(&t->timer, INTERVAL_NS, 0);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
