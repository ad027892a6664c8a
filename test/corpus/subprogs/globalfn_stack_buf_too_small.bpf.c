// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global function takes a pointer to a 16-byte struct; the caller
 * passes a pointer to an 8-byte stack variable cast to it. At the call the
 * kernel checks the caller's memory against the pointee's size.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct pair {
	__u64 lo;
	__u64 hi;
};

__noinline int sum_pair(struct pair *p)
{
	if (!p)
		return 0;
	return (int)(p->lo + p->hi);
}

SEC("tc")
int tc_sum(struct __sk_buff *skb)
{
	__u64 one = skb->len;

	/* BUG: only 8 bytes behind this pointer */
	return sum_pair((struct pair *)&one) > 0;
}

char LICENSE[] SEC("license") = "GPL";
