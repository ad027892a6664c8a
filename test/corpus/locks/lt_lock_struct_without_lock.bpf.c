// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the value struct has no struct bpf_spin_lock member (the lock was
 * moved to another map); the program still locks the value's first field
 * through a cast. The kernel needs the lock in the value's BTF; 6.1 words
 * it "doesn't have 'struct bpf_spin_lock'".
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct lt_port_stats {
	__u32 guard;
	__u32 pad;
	__u64 packets;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u16);
	__type(value, struct lt_port_stats);
} ports SEC(".maps");

SEC("tc")
int tc_ports(struct __sk_buff *skb)
{
	__u16 port = skb->mark & 0xffff; /* set by the ingress classifier */
	struct lt_port_stats *ps = bpf_map_lookup_elem(&ports, &port);

	if (!ps)
		return 0;
	bpf_spin_lock((struct bpf_spin_lock *)&ps->guard);
	ps->packets++;
	bpf_spin_unlock((struct bpf_spin_lock *)&ps->guard);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
