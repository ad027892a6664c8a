// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: a 1-based CPU-class number (1..16 after the check) is turned
 * into a 0-based index with "- 1".  The C is correct, but clang turns the
 * range check into "(c - 17) as u32 >= 0xfffffff0" on a copy of c and
 * computes the index separately as (c - 1) zero-extended with shifts: the
 * bound never reaches the register used as the index, so every kernel
 * refuses what looks like a checked access (a known clang/verifier gap).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct classes {
	__u32 n[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct classes);
} cls SEC(".maps");

SEC("tc")
int count_class(struct __sk_buff *skb)
{
	__u32 key = 0, c = skb->tc_index;
	struct classes *p = bpf_map_lookup_elem(&cls, &key);

	if (!p || c < 1 || c > 16)
		return 0;
	p->n[c - 1]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
