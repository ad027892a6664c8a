// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: an sk_skb/verdict program may write only a few fields of its
 * context (tc_index, priority, mark is not even readable); trimming the
 * message by storing to skb->len is refused as an invalid context
 * access.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("sk_skb/verdict")
int trim(struct __sk_buff *skb)
{
	if (skb->len > 1024)
		skb->len = 1024;
	return SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
