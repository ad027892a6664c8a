// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a per-flow rate limiter computes the new token count in a global
 * (non-static) helper function while it holds the bucket's bpf_spin_lock.
 * The helper takes only scalars, so the arguments pass the check; the
 * call itself is refused: 6.12 and 6.18 allow static functions under a
 * lock but never global ones ("global function calls are not allowed
 * while holding a lock,"), 6.1 allows no call at all ("function calls
 * are not allowed while holding a lock").
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct lo_bucket {
	struct bpf_spin_lock lock;
	__u64 tokens;
	__u64 last_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct lo_bucket);
} buckets SEC(".maps");

__noinline __u64 refill(__u64 tokens, __u64 elapsed_ns)
{
	__u64 t = tokens + elapsed_ns / 1000000;

	return t > 100 ? 100 : t;
}

SEC("tc")
int tc_ratelimit(struct __sk_buff *skb)
{
	__u32 key = skb->hash;
	__u64 now = bpf_ktime_get_ns();
	struct lo_bucket *b = bpf_map_lookup_elem(&buckets, &key);
	int verdict = 0;

	if (!b)
		return 0;
	bpf_spin_lock(&b->lock);
	b->tokens = refill(b->tokens, now - b->last_ns);	/* BUG: global call under the lock */
	b->last_ns = now;
	if (b->tokens) {
		b->tokens--;
		verdict = 0;
	} else {
		verdict = 2;	/* TC_ACT_SHOT */
	}
	bpf_spin_unlock(&b->lock);
	return verdict;
}

char LICENSE[] SEC("license") = "GPL";
