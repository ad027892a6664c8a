// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the lock is not the first member of the value and the program
 * passes the address of the counter next to it (a cast left over from a
 * refactoring): bpf_spin_lock must get exactly the lock's offset.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct conn_stats {
	__u64 opens;
	struct bpf_spin_lock lock;
	__u64 closes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, struct conn_stats);
} conn SEC(".maps");

SEC("cgroup_skb/egress")
int count_egress(struct __sk_buff *skb)
{
	__u32 key = skb->ifindex & 15;
	struct conn_stats *cs = bpf_map_lookup_elem(&conn, &key);

	if (!cs)
		return 1;
	bpf_spin_lock((struct bpf_spin_lock *)&cs->closes); /* BUG: not the lock */
	cs->opens++;
	bpf_spin_unlock(&cs->lock);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
