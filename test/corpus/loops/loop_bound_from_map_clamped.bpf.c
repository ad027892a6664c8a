// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fix of loop_bound_from_map: the loop also stops at the
 * array's size (`i < c->nr_slots && i < NSLOTS`), so both the trip count
 * and the index are bounded.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define NSLOTS 64

struct cfg {
	__u32 nr_slots;
	__u32 slot[NSLOTS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct cfg);
} scan_cfg SEC(".maps");

__u64 matched;

SEC("xdp")
int scan_slots(struct xdp_md *ctx)
{
	__u32 zero = 0, i;
	struct cfg *c = bpf_map_lookup_elem(&scan_cfg, &zero);

	if (!c)
		return XDP_PASS;
	for (i = 0; i < c->nr_slots && i < NSLOTS; i++)
		if (c->slot[i] == ctx->ingress_ifindex)
			matched++;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
