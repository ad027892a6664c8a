// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: an int offset from user space (via a map) is checked with
 * "off < 32" only, then used to index a 32-byte map value.  A negative
 * offset passes the signed check; the verifier insists on a lower bound.
 */
// EXPECT: reject
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
	if (off < 32)
		b->data[off] = 1;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
