// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a static helper function takes the lock and returns with it
 * held; the caller updates the value and unlocks. 6.1 wants every exit,
 * a subprogram's too, to have unlocked ("bpf_spin_unlock is missing");
 * newer kernels track the lock across the return.
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct rate {
	struct bpf_spin_lock lock;
	__u64 tokens;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct rate);
} bucket SEC(".maps");

static __noinline void lock_bucket(struct rate *r)
{
	bpf_spin_lock(&r->lock);
}

SEC("tc")
int tc_police(struct __sk_buff *skb)
{
	__u32 zero = 0;
	struct rate *r = bpf_map_lookup_elem(&bucket, &zero);
	int drop = 0;

	if (!r)
		return 0;
	lock_bucket(r);
	if (r->tokens >= skb->len)
		r->tokens -= skb->len;
	else
		drop = 1;
	bpf_spin_unlock(&r->lock);
	return drop ? 2 : 0;
}

char LICENSE[] SEC("license") = "GPL";
