// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an early return for jumbo packets inside the locked region
 * leaves the lock held at program exit.
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

SEC("tc")
int tc_count(struct __sk_buff *skb)
{
	__u32 key = skb->ifindex;
	struct if_stats *st = bpf_map_lookup_elem(&stats, &key);

	if (!st)
		return 0;
	bpf_spin_lock(&st->lock);
	st->packets++;
	if (skb->len > 9000)
		return 2; /* BUG: still holding st->lock */
	st->bytes += skb->len;
	bpf_spin_unlock(&st->lock);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
