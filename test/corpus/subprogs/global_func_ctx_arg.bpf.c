// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global (non-static) function taking the program context.
 * Global functions are verified once, on their own, with only the
 * argument types from BTF; struct __sk_buff * is recognised as ctx.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

__noinline int classify(struct __sk_buff *skb)
{
	if (skb->protocol == bpf_htons(0x0800))
		return 1;
	if (skb->len > 1500)
		return 2;
	return 0;
}

SEC("tc")
int tc_classify(struct __sk_buff *skb)
{
	skb->mark = classify(skb);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
