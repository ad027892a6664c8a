// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of lo_lock_global_call_scalar_args: the token
 * refill is computed by the global function before the bucket's
 * bpf_spin_lock is taken, and only plain loads and stores run under the
 * lock. Every kernel accepts it.
 */
// EXPECT: accept
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
	__u64 tokens;
	int verdict;

	if (!b)
		return 0;
	/* a racy snapshot is fine for the estimate; the update is locked */
	tokens = refill(b->tokens, now - b->last_ns);
	bpf_spin_lock(&b->lock);
	b->last_ns = now;
	if (tokens) {
		b->tokens = tokens - 1;
		verdict = 0;
	} else {
		b->tokens = 0;
		verdict = 2;	/* TC_ACT_SHOT */
	}
	bpf_spin_unlock(&b->lock);
	return verdict;
}

char LICENSE[] SEC("license") = "GPL";
