// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_map_update_elem() with a value smaller than the map's value
 * size.  The map's value grew from __u32 to a 16-byte struct, but one
 * caller still passes a pointer to a __u32 counter; the helper reads
 * value_size bytes, past the end of the stack variable.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct stats);
} per_ifindex SEC(".maps");

SEC("tc")
int count_ingress(struct __sk_buff *skb)
{
	__u32 key = skb->ifindex;
	__u32 initial = 1;

	bpf_map_update_elem(&per_ifindex, &key, &initial, BPF_NOEXIST);
	return 0; /* TC_ACT_OK */
}

char LICENSE[] SEC("license") = "GPL";
