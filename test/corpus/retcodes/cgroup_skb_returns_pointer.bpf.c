// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: returning the map lookup result itself ("non-NULL means
 * allowed").  The developer wrote `return bpf_map_lookup_elem(...) != 0`
 * style logic but returned the pointer; a pointer is never an acceptable
 * cgroup_skb verdict, even for root.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u8);
} allowed_ports SEC(".maps");

SEC("cgroup_skb/egress")
int allow_listed(struct __sk_buff *skb)
{
	__u32 port = skb->remote_port;

	return (long)bpf_map_lookup_elem(&allowed_ports, &port);
}

char LICENSE[] SEC("license") = "GPL";
