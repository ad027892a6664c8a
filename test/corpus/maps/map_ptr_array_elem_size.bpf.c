// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: reading an array map's element size and entry count through its
 * struct bpf_array (the kernel type of an array map), as selftests'
 * map_ptr_kern.c check_array does with CO-RE-free field access.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} slots SEC(".maps");

SEC("tc")
int slots_geometry(struct __sk_buff *skb)
{
	struct bpf_array *arr = (struct bpf_array *)&slots;
	struct bpf_map *map = (struct bpf_map *)&slots;

	if (arr->elem_size != 8 || map->value_size != 8)
		return 2;
	return map->max_entries == 64 ? 0 : 2;
}

char LICENSE[] SEC("license") = "GPL";
