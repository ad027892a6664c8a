// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the locked update is factored into a global (non-static)
 * __noinline function called while the lock is held. Unlike static
 * subprograms, global functions are verified separately and cannot be
 * called under a bpf_spin_lock.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct if_stats {
	struct bpf_spin_lock lock;
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct if_stats);
} stats SEC(".maps");

__noinline int add(struct if_stats *st, __u32 len)
{
	if (!st)
		return 0;
	st->packets++;
	st->bytes += len;
	return 1;
}

SEC("tc")
int tc_count(struct __sk_buff *skb)
{
	__u32 key = skb->ifindex;
	struct if_stats *st = bpf_map_lookup_elem(&stats, &key);

	if (!st)
		return 0;
	bpf_spin_lock(&st->lock);
	add(st, skb->len);
	bpf_spin_unlock(&st->lock);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
