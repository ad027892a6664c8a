// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: signed_upper_bound_only.bpf.c fixed with both bounds
 * (off >= 0 && off < 32).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct blob {
	int off;
	__u8 data[32];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct blob);
} blobs SEC(".maps");

SEC("xdp")
int poke(struct xdp_md *ctx)
{
	__u32 key = 0;
	struct blob *b = bpf_map_lookup_elem(&blobs, &key);
	int off;

	if (!b)
		return XDP_PASS;
	off = b->off;
	if (off >= 0 && off < 32)
		b->data[off] = 1;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
