// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the lock is taken on a map value whose declared type has no
 * struct bpf_spin_lock (the developer casts a __u64 counter slot to a
 * lock): the verifier needs the lock in the value's BTF.
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
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} totals SEC(".maps");

SEC("tc")
int tc_count(struct __sk_buff *skb)
{
	__u32 key = skb->ifindex;
	struct if_stats *st = bpf_map_lookup_elem(&stats, &key);

	if (!st)
		return 0;
	__u32 zero = 0;
	__u64 *total = bpf_map_lookup_elem(&totals, &zero);

	if (!total)
		return 0;
	bpf_spin_lock((struct bpf_spin_lock *)total); /* BUG: no lock in __u64 */
	*total += skb->len;
	bpf_spin_unlock((struct bpf_spin_lock *)total);
	__sync_fetch_and_add(&st->packets, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
