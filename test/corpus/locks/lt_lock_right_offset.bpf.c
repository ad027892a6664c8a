// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: (accepted twin of lt_lock_wrong_offset) the lock sits in the
 * middle of the value, after a counter: the lock's own address is passed
 * to bpf_spin_lock and bpf_spin_unlock in a cgroup_skb program.
 * EXPECT: accept
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
	bpf_spin_lock(&cs->lock);
	cs->opens++;
	cs->closes += skb->len > 1000;
	bpf_spin_unlock(&cs->lock);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
