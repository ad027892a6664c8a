// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_check_mtu from tc before growing a packet by an encapsulation
 * header: the MTU comes back through a naturally aligned u32 on the stack
 * (the helper's fixed-size, aligned argument).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define ENCAP_LEN 20
#define TC_ACT_OK 0
#define TC_ACT_SHOT 2

__u64 too_big;
__u32 last_mtu;

SEC("tc")
int encap_guard(struct __sk_buff *skb)
{
	__u32 mtu_len = 0;

	if (bpf_check_mtu(skb, skb->ifindex, &mtu_len, ENCAP_LEN, 0)) {
		__sync_fetch_and_add(&too_big, 1);
		last_mtu = mtu_len;
		return TC_ACT_SHOT;
	}
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
