// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: reading a map's own fields through its struct bpf_map (the map
 * pointer's kernel type, struct bpf_htab for a hash), as selftests'
 * map_ptr_kern.c and rate limiters that scale with the map size do:
 * max_entries of a hash map, read in a tc program.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} flows SEC(".maps");

__u64 dropped_full;

SEC("tc")
int track_flow(struct __sk_buff *skb)
{
	struct bpf_map *map = (struct bpf_map *)&flows;
	__u32 key = skb->hash;
	__u64 one = 1, *cnt;

	cnt = bpf_map_lookup_elem(&flows, &key);
	if (cnt) {
		__sync_fetch_and_add(cnt, 1);
		return 0;
	}
	/* keep a tenth of the table free for bursts */
	if (skb->hash % map->max_entries > map->max_entries - map->max_entries / 10) {
		__sync_fetch_and_add(&dropped_full, 1);
		return 0;
	}
	bpf_map_update_elem(&flows, &key, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
