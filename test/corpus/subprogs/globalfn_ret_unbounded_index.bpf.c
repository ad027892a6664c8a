// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: what a global function returns is an unknown scalar to its
 * caller, whatever the callee's body guarantees: using it as an index
 * into a map value without a bounds check is rejected even though
 * bucket_of() only returns 0..15.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct hist {
	__u64 slots[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct hist);
} lat_hist SEC(".maps");

__noinline int bucket_of(__u64 v)
{
	int b = 0;

	if (v >= 1 << 8) { v >>= 8; b += 8; }
	if (v >= 1 << 4) { v >>= 4; b += 4; }
	if (v >= 1 << 2) { v >>= 2; b += 2; }
	if (v >= 1 << 1) { b += 1; }
	return b & 15;
}

SEC("tc")
int tc_len_hist(struct __sk_buff *skb)
{
	__u32 zero = 0;
	struct hist *h = bpf_map_lookup_elem(&lat_hist, &zero);
	__u32 b;

	if (!h)
		return 0;
	b = bucket_of(skb->len);
	h->slots[b]++; /* BUG: b is any scalar to the caller */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
