// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the jump-sequence limit on straight-line code: a fully unrolled
 * search of 8200 slots for a zero ("first free slot"), each a load and a
 * conditional return.  The verifier follows the "not zero" edge and queues
 * the return of every slot; the 8193rd queued return is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SLOTS 8200

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u8[SLOTS]);
} slots SEC(".maps");

SEC("xdp")
int first_free(struct xdp_md *ctx)
{
	__u32 zero = 0, i;
	__u8 *s = bpf_map_lookup_elem(&slots, &zero);

	if (!s)
		return XDP_PASS;
#pragma clang loop unroll(full)
	for (i = 0; i < SLOTS; i++)
		if (s[i] == 0)
			return i & 3;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
