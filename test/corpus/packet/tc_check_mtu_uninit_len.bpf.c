// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_check_mtu with an uninitialised mtu_len. The helper reads
 * mtu_len as an input as well (newer kernels dropped MEM_UNINIT from the
 * argument), so 6.12 and 6.18 refuse the uninitialised stack slot; 6.1
 * still declares it write-only and accepts.
 */
// EXPECT: reject (6.1: accept)
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
