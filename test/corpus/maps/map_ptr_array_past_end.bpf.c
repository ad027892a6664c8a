// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a read through a hash map's struct bpf_map at a constant offset
 * that lands past the map's own struct (struct bpf_htab): the kernel walks
 * the map type's BTF struct and refuses an offset outside it.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} slots SEC(".maps");

SEC("tc")
int peek_slots(struct __sk_buff *skb)
{
	__u64 *raw = (__u64 *)&slots;

	/* well past struct bpf_htab */
	return raw[2048] & 1;
}

char LICENSE[] SEC("license") = "GPL";
