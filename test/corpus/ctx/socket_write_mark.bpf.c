// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a socket filter tries to tag accepted packets by writing
 * skb->mark, as tc programs can.  Socket filters may only write skb->cb[].
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
int sock_tag(struct __sk_buff *skb)
{
	if (skb->len < 64)
		return 0;
	skb->mark = 0x100;
	return skb->len;
}

char LICENSE[] SEC("license") = "GPL";
