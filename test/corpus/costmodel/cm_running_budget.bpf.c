// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a loop updating a running scalar compared against a limit: a
 * socket filter that charges each of up to 16 segments of a packet to a
 * byte budget and stops as soon as the budget (from a map, clamped) is
 * used up.  Two exits: the iteration bound and "spent >= budget".
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define MAX_SEGS 16
#define SEG_LEN 64

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} byte_budget SEC(".maps");

SEC("socket")
int budget_filter(struct __sk_buff *skb)
{
	__u32 zero = 0, budget, spent = 0, len = skb->len;
	__u32 *b = bpf_map_lookup_elem(&byte_budget, &zero);
	__u8 first;
	int i;

	if (!b)
		return 0;
	budget = *b;
	if (budget > 65535)
		budget = 65535;
	for (i = 0; i < MAX_SEGS; i++) {
		__u32 seg = len > SEG_LEN ? SEG_LEN : len;

		if (!seg)
			break;
		if (bpf_skb_load_bytes(skb, i * SEG_LEN, &first, 1) < 0)
			break;
		spent += seg + (first & 3);
		len -= seg;
		if (spent >= budget)
			break;
	}
	return spent >= budget ? 0 : skb->len;
}

char LICENSE[] SEC("license") = "GPL";
