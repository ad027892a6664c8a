// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_check_mtu with an uninitialised mtu_len. 6.1 declares the
 * argument MEM_UNINIT; 6.12 and 6.18 dropped that flag (mtu_len is also an
 * input) but keep MEM_WRITE, which lets the helper write uninitialised
 * stack: every shipped kernel accepts.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__u32 last_mtu;

SEC("tc")
int mtu_report(struct __sk_buff *skb)
{
	__u32 mtu_len;

	if (bpf_check_mtu(skb, skb->ifindex, &mtu_len, 0, 0) == 0)
		last_mtu = mtu_len;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
