// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the accepted twin of skb_store_bytes_in_cgroup_skb: the same DSCP
 * rewrite as a tc (sched_cls) program, where packet rewriting helpers are
 * available.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tc")
int set_dscp(struct __sk_buff *skb)
{
	__u8 tos = 0x28;	/* AF11 */

	bpf_skb_store_bytes(skb, 14 + 1, &tos, 1, BPF_F_RECOMPUTE_CSUM);
	return 0;	/* TC_ACT_OK */
}

char LICENSE[] SEC("license") = "GPL";
