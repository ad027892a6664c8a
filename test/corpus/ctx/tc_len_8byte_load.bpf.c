// SPDX-License-Identifier: GPL-2.0
/*
 * Context: skb->len and skb->pkt_type-ish fields are 32-bit; a developer
 * reads two adjacent fields (len, pkt_type) with one 64-bit load through a
 * u64 cast to save an instruction.  __sk_buff fields must be read with
 * their own size (or narrower), not merged.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0

SEC("tc")
int len_and_type(struct __sk_buff *skb)
{
	__u64 both = *(__u64 *)&skb->len;	/* len and pkt_type at once */

	if ((__u32)both > 1000 && (both >> 32) == 0)
		skb->mark = 1;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
