// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_skb_store_bytes() in a cgroup_skb program.  A developer ports
 * a tc program that rewrites the DSCP byte to a cgroup egress hook;
 * cgroup_skb programs may look at packets but not rewrite them, so the
 * helper does not exist for that program type.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/egress")
int set_dscp(struct __sk_buff *skb)
{
	__u8 tos = 0x28;	/* AF11 */

	bpf_skb_store_bytes(skb, 1, &tos, 1, 0);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
