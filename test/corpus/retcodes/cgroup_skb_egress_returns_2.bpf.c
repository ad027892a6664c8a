// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the same return value 2 on a cgroup_skb EGRESS program, where
 * bit 1 (congestion notification) is allowed: egress programs may return
 * 0..3.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/egress")
int police_egress(struct __sk_buff *skb)
{
	if (skb->len > 1400)
		return 2;	/* drop + congestion notification */
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
