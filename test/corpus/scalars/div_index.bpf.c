// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: packets are bucketed by size / 128 after checking size < 2048,
 * giving 16 buckets.  The quotient of a bounded value by a constant is
 * bounded, but verifiers without BPF_DIV range tracking see an unknown
 * value.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct sizes {
	__u64 n[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sizes);
} sz SEC(".maps");

SEC("tc")
int size_bucket(struct __sk_buff *skb)
{
	__u32 key = 0, len = skb->len;
	struct sizes *p = bpf_map_lookup_elem(&sz, &key);
	volatile __u32 div = 128;

	if (!p || len >= 2048)
		return 0;
	p->n[len / div]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
