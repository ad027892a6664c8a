// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: the upper half of a 32-entry table is selected with
 * "(x & 15) | 16", giving an index in [16, 31]: the verifier's tnum
 * tracking of AND and OR proves it.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct table {
	__u16 v[32];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct table);
} tbl SEC(".maps");

SEC("tc")
int upper_half(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct table *t = bpf_map_lookup_elem(&tbl, &key);

	if (!t)
		return 0;
	t->v[(skb->hash & 15) | 16]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
