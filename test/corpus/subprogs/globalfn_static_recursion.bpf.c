// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: two static functions that call each other (mutual recursion).
 * The path walk only ever goes three frames deep, because the depth argument is a known constant, but after
 * the walk the kernel follows every call in the call graph and the
 * cycle makes the chain grow to eight frames.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

static __noinline int walk_inner(struct __sk_buff *skb, int level);

/* two functions calling each other: the compiler cannot turn this into a loop */
static __noinline int walk_outer(struct __sk_buff *skb, int level)
{
	if (level <= 0)
		return 0;
	return (skb->len >> level) ^ walk_inner(skb, level - 1);
}

static __noinline int walk_inner(struct __sk_buff *skb, int level)
{
	if (level <= 0)
		return 1;
	return (skb->protocol + level) ^ walk_outer(skb, level - 1);
}

SEC("tc")
int tc_levels(struct __sk_buff *skb)
{
	return walk_outer(skb, 2) > 1000 ? 2 : 0;
}

char LICENSE[] SEC("license") = "GPL";
