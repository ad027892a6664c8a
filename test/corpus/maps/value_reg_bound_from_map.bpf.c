// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: a ring of 32 recent sizes in a map value; user space configures how
 * many slots are used (n, clamped to 32 here).  The loop index is compared
 * with n, not with the constant 32: the bound on the index only follows
 * from comparing two non-constant registers (i < n, n <= 32).  Older
 * verifiers learn nothing from such a compare.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define RING 32

struct ring {
	__u32 n;
	__u32 pos;
	__u32 size[RING];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ring);
} sizes SEC(".maps");

SEC("tc")
int record_size(struct __sk_buff *skb)
{
	__u32 key = 0, n, pos;
	struct ring *r;

	r = bpf_map_lookup_elem(&sizes, &key);
	if (!r)
		return 0;
	n = r->n;
	if (n > RING)
		n = RING;
	pos = r->pos;
	if (pos >= n)
		pos = 0;
	r->size[pos] = skb->len;
	r->pos = pos + 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
