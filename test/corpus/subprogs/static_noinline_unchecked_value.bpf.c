// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the map value pointer is passed to a static subprogram before
 * the NULL check ("the helper will check it" - it does not). Static
 * subprograms are verified with the caller's register types, so the
 * callee dereferences a map_value_or_null. Finding: 6.18 accepts it,
 * because a lookup in an ARRAY map with a constant in-range key is known
 * not to return NULL there (see static_noinline_unchecked_hash_value for
 * the HASH map version, rejected by both).
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct stats);
} stats_map SEC(".maps");

static __noinline void account(struct stats *s, __u32 len)
{
	s->packets++;
	s->bytes += len;
}

SEC("tc")
int count_bytes(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct stats *s = bpf_map_lookup_elem(&stats_map, &key);

	account(s, skb->len); /* BUG: s may be NULL */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
