// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global function whose first argument is the program context
 * type (struct __sk_buff *) is called with a pointer to a stack copy
 * instead of the real ctx. For a global function the caller's argument
 * must really be the ctx register.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__noinline int get_len(struct __sk_buff *skb)
{
	return skb->len;
}

SEC("tc")
int tc_len(struct __sk_buff *skb)
{
	struct __sk_buff copy = {};

	copy.len = skb->len;
	return get_len(&copy) > 100 ? 2 : 0;
}

char LICENSE[] SEC("license") = "GPL";
