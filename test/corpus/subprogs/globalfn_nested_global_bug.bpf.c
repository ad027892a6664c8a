// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the broken twin of globalfn_nested_globals: lookup_mark(), two
 * calls deep, reads the map value without a NULL check; the rejection is
 * reported inside it. Original: global functions calling global functions (a socket-filter style
 * classifier in a tc program): each global function is verified once on
 * its own, from its prototype, whatever calls it; nested calls only check
 * the arguments and yield an unknown scalar.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u32);
} mark_by_ifindex SEC(".maps");

__noinline int lookup_mark(__u32 ifindex)
{
	__u32 *mark = bpf_map_lookup_elem(&mark_by_ifindex, &ifindex);

	return *mark; /* BUG: no NULL check */
}

__noinline int classify_len(__u32 len)
{
	if (len < 128)
		return 1;
	if (len < 1024)
		return 2;
	return 3;
}

__noinline int classify(struct __sk_buff *skb)
{
	int mark = lookup_mark(skb->ifindex);

	if (mark)
		return mark;
	return classify_len(skb->len);
}

SEC("tc")
int tc_mark(struct __sk_buff *skb)
{
	skb->mark = classify(skb);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
