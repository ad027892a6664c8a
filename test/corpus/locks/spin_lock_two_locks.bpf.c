// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the program takes the lock of the per-interface entry and
 * then the lock of a global total entry (nested locking). Only one
 * bpf_spin_lock may be held at a time.
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
	__u32 zero = 0;
	struct if_stats *total = bpf_map_lookup_elem(&stats, &zero);

	if (!total)
		return 0;
	bpf_spin_lock(&st->lock);
	bpf_spin_lock(&total->lock); /* BUG: second lock */
	st->packets++;
	total->packets++;
	bpf_spin_unlock(&total->lock);
	bpf_spin_unlock(&st->lock);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
