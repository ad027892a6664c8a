// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: tc (sched_cls) programs may return any int: TC_ACT_* codes and
 * -1 (TC_ACT_UNSPEC) alike.  A classifier returning a computed class id
 * loads.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tc")
int classify(struct __sk_buff *skb)
{
	if (skb->protocol == 0)
		return -1;	/* TC_ACT_UNSPEC */
	return skb->hash & 0xffff;
}

char LICENSE[] SEC("license") = "GPL";
