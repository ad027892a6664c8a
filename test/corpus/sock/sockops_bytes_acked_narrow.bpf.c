// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: bytes_acked of struct bpf_sock_ops is a u64 that may only be read
 * whole; a 32-bit read of its low half (a cast in the source) is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} acked SEC(".maps");

SEC("sockops")
int count_acked(struct bpf_sock_ops *skops)
{
	__u32 k = 0, *v;
	__u32 lo = *(volatile __u32 *)((void *)skops + offsetof(struct bpf_sock_ops, bytes_acked));

	v = bpf_map_lookup_elem(&acked, &k);
	if (v)
		*v = lo;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
