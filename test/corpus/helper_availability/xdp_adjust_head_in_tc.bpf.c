// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an XDP helper in a tc program.  Code moved from an XDP
 * decapsulator to tc keeps bpf_xdp_adjust_head(); tc has its own
 * bpf_skb_adjust_room() and the XDP helper is unknown there.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tc")
int decap(struct __sk_buff *skb)
{
	if (bpf_xdp_adjust_head((struct xdp_md *)skb, 20))
		return 2;	/* TC_ACT_SHOT */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
