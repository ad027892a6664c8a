// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: 10 per-flow buckets indexed by "hash % 10".  The remainder is
 * always below 10 but verifiers that do not track BPF_MOD see an unknown
 * value: a check "if (idx < 10)" would be needed.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct buckets {
	__u64 bytes[10];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct buckets);
} flow_buckets SEC(".maps");

SEC("tc")
int bucket_bytes(struct __sk_buff *skb)
{
	__u32 key = 0, idx = skb->hash % 10;
	struct buckets *b = bpf_map_lookup_elem(&flow_buckets, &key);

	if (!b)
		return 0;
	__sync_fetch_and_add(&b->bytes[idx], skb->len);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
