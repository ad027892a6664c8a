// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: a 256-entry byte table indexed by the low byte of the hash,
 * taken with a (__u8) cast: the truncation bounds the index to [0, 255].
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct table {
	__u8 v[256];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct table);
} tbl SEC(".maps");

SEC("tc")
int low_byte(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct table *t = bpf_map_lookup_elem(&tbl, &key);

	if (!t)
		return 0;
	return t->v[(__u8)skb->hash] ? 2 : 0;
}

char LICENSE[] SEC("license") = "GPL";
