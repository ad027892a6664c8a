// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: an lwt_seg6local End behaviour that advances the segment list
 * with bpf_lwt_seg6_action(SEG6_LOCAL_ACTION_END_X) toward a next hop
 * given as an IPv6 address on the stack.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define BPF_OK 0
#define BPF_DROP 2
#define SEG6_LOCAL_ACTION_END_X 2

SEC("lwt_seg6local")
int end_x(struct __sk_buff *skb)
{
	struct in6_addr nh = {};

	nh.in6_u.u6_addr32[0] = 0x000080fc;
	nh.in6_u.u6_addr32[3] = 0x01000000;
	if (bpf_lwt_seg6_action(skb, SEG6_LOCAL_ACTION_END_X, &nh, sizeof(nh)))
		return BPF_DROP;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
