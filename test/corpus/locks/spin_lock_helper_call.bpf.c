// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the timestamp is taken with bpf_ktime_get_ns() inside the
 * locked region. Only a few calls are allowed while a bpf_spin_lock is
 * held; helpers in general are not.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct if_stats {
	struct bpf_spin_lock lock;
	__u64 packets;
	__u64 bytes;
	__u64 last_ns;
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
	st->bytes += skb->len;
	st->last_ns = bpf_ktime_get_ns(); /* helper call under the lock */
	bpf_spin_unlock(&st->lock);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
