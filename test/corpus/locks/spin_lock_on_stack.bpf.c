// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a struct with a bpf_spin_lock is built on the stack (a local
 * copy) and locked there. The lock must live in a map value (or
 * allocated object).
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
	struct if_stats local = {}, *st = &local;

	bpf_spin_lock(&st->lock); /* BUG: lock on the stack */
	st->packets++;
	st->bytes += skb->len;
	bpf_spin_unlock(&st->lock);
	bpf_map_update_elem(&stats, &skb->ifindex, st, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
