// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a helper given the wrong kind of pointer as its map argument.  A
 * wrapper `lookup(void *map, ...)` was called with the arguments swapped,
 * passing the program's context where the map belongs; the verifier
 * checks each helper argument's register type.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} hits SEC(".maps");

static __always_inline __u64 *lookup(void *map, void *key)
{
	return bpf_map_lookup_elem(map, key);
}

SEC("xdp")
int count_packets(struct xdp_md *ctx)
{
	__u32 zero = 0;
	__u64 *v = lookup(ctx, &zero);	/* meant: lookup(&hits, &zero) */

	if (v)
		*v += 1;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
