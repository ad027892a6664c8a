// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a cgroup_skb ingress program returning 2.  The developer copied
 * the "drop + congestion notification" return value (2, only meaningful
 * on egress) into an ingress program; ingress must return 0 (drop) or 1
 * (allow).  The exit-value message changed format after 6.1.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/ingress")
int police_ingress(struct __sk_buff *skb)
{
	if (skb->len > 1400)
		return 2;	/* meant: drop and tell TCP to back off */
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
