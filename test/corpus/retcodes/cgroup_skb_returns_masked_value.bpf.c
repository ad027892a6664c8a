// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of cgroup_skb_returns_lookup_value: the map's
 * verdict is reduced to one bit before it is returned.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u32);
} verdict_by_port SEC(".maps");

SEC("cgroup_skb/ingress")
int policy(struct __sk_buff *skb)
{
	__u32 port = skb->local_port;
	__u32 *v = bpf_map_lookup_elem(&verdict_by_port, &port);

	if (!v)
		return 1;
	return *v & 1;
}

char LICENSE[] SEC("license") = "GPL";
