// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the result of a map lookup is passed to a global function
 * unchecked: a global function's plain pointer argument may be NULL, so
 * the caller may pass a maybe-NULL map value and the callee checks it.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct conn_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct conn_stats);
} conns SEC(".maps");

__noinline int account(struct conn_stats *st, __u32 len)
{
	if (!st)
		return 0;
	st->packets++;
	st->bytes += len;
	return 1;
}

SEC("tc")
int tc_account(struct __sk_buff *skb)
{
	__u32 key = skb->hash;

	account(bpf_map_lookup_elem(&conns, &key), skb->len);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
