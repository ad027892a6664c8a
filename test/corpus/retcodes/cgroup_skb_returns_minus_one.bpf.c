// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a cgroup_skb program returning -1 for "error", a habit from
 * kernel C and socket filters.  cgroup_skb verdicts are 0/1 (0..3 on
 * egress); -1 is out of range.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u8);
} blocked_ports SEC(".maps");

SEC("cgroup_skb/egress")
int block_ports(struct __sk_buff *skb)
{
	__u32 port = skb->remote_port;

	if (bpf_map_lookup_elem(&blocked_ports, &port))
		return -1;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
