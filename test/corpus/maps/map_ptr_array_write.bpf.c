// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: writing through a map's struct bpf_map: a map's kernel object is
 * read-only to programs, "only read from bpf_array is supported" (the
 * name is the map type's own struct).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} slots SEC(".maps");

SEC("tc")
int shrink_slots(struct __sk_buff *skb)
{
	struct bpf_map *map = (struct bpf_map *)&slots;

	if (skb->len > 1500)
		map->max_entries = 32;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
