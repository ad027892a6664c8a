// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tail call to the next stage is made while the lock is held
 * (the unlock is after it). A tail call never returns, so the lock would
 * stay held.
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

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} next_stage SEC(".maps");

SEC("tc")
int tc_count(struct __sk_buff *skb)
{
	__u32 key = skb->ifindex;
	struct if_stats *st = bpf_map_lookup_elem(&stats, &key);

	if (!st)
		return 0;
	bpf_spin_lock(&st->lock);
	st->packets++;
	st->bytes += skb->len;
	bpf_tail_call(skb, &next_stage, 0); /* BUG: under the lock */
	bpf_spin_unlock(&st->lock);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
