// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the twin of cgroup_skb_volatile_u32_verdict with a `volatile
 * __u64` local: an 8-byte spill keeps the register's state, so the value
 * read back is still known to be 0 or 1.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/ingress")
int mtu_guard(struct __sk_buff *skb)
{
	volatile __u64 verdict;

	verdict = skb->len > 1500 ? 0 : 1;
	return verdict;
}

char LICENSE[] SEC("license") = "GPL";
