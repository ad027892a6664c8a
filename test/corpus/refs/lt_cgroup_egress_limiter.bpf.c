// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a per-cgroup egress rate limiter on cgroup_skb/egress, a token
 * bucket per traffic class: the bucket lives in an array map value with a
 * bpf_spin_lock; refill and take are done under the lock (no calls inside
 * the locked region). Before taking the lock, a bpf_loop() callback sums the
 * recent per-slot drop history (a ring of counters in another map value)
 * to decide whether the class is in a penalty period; a static __noinline
 * subprogram picks the class from the packet's IPv4 header. Every path
 * unlocks; the program returns 1 (pass) or 0 (drop).
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define NR_CLASSES 4
#define HIST_SLOTS 16
#define NSEC_PER_MSEC 1000000ULL

struct cls_bucket {
	struct bpf_spin_lock lock;
	__u64 tokens;
	__u64 last_ns;
	__u64 passed;
	__u64 dropped;
};

struct drop_history {
	__u32 cursor;
	__u32 slot_drops[HIST_SLOTS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NR_CLASSES);
	__type(key, __u32);
	__type(value, struct cls_bucket);
} buckets SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NR_CLASSES);
	__type(key, __u32);
	__type(value, struct drop_history);
} history SEC(".maps");

const volatile __u64 rate_bytes_per_ms = 125000;
const volatile __u64 burst_bytes = 1 << 20;
const volatile __u32 penalty_drops = 64;

struct sum_ctx {
	struct drop_history *h;
	__u32 total;
};

static long sum_slot(__u64 i, void *data)
{
	struct sum_ctx *c = data;

	c->total += c->h->slot_drops[i & (HIST_SLOTS - 1)];
	return 0;
}

static __noinline __u32 traffic_class(struct __sk_buff *skb)
{
	struct iphdr iph;

	if (skb->protocol != bpf_htons(0x0800))
		return 0;
	if (bpf_skb_load_bytes(skb, 0, &iph, sizeof(iph)) < 0)
		return 0;
	switch (iph.tos >> 5) {
	case 7:
	case 6:
		return 3;
	case 5:
	case 4:
		return 2;
	case 1:
		return 1;
	default:
		return 0;
	}
}

SEC("cgroup_skb/egress")
int egress_limit(struct __sk_buff *skb)
{
	struct sum_ctx sc = {};
	struct cls_bucket *tb;
	struct drop_history *h;
	__u64 now = bpf_ktime_get_ns(), len = skb->len, refill;
	__u32 cls = traffic_class(skb) & (NR_CLASSES - 1);
	int pass = 1;

	tb = bpf_map_lookup_elem(&buckets, &cls);
	h = bpf_map_lookup_elem(&history, &cls);
	if (!tb || !h)
		return 1;
	sc.h = h;
	bpf_loop(HIST_SLOTS, sum_slot, &sc, 0);
	if (cls == 0 && sc.total > penalty_drops)
		len *= 2;

	bpf_spin_lock(&tb->lock);
	refill = (now - tb->last_ns) / NSEC_PER_MSEC * rate_bytes_per_ms;
	if (refill) {
		tb->tokens += refill;
		if (tb->tokens > burst_bytes)
			tb->tokens = burst_bytes;
		tb->last_ns = now;
	}
	if (tb->tokens >= len) {
		tb->tokens -= len;
		tb->passed++;
	} else {
		tb->dropped++;
		pass = 0;
	}
	bpf_spin_unlock(&tb->lock);

	if (!pass) {
		__u32 slot = (now / (100 * NSEC_PER_MSEC)) & (HIST_SLOTS - 1);

		__sync_fetch_and_add(&h->slot_drops[slot], 1);
		h->cursor = slot;
	}
	return pass;
}

char LICENSE[] SEC("license") = "GPL";
