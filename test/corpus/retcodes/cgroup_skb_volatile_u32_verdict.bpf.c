// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a 0/1 verdict kept in a `volatile __u32` local (the developer
 * added volatile to see the variable in a debugger / stop clang from
 * merging branches).  The value goes through a 4-byte stack slot; a
 * narrow spill loses the register's bounds, so after the fill the
 * verifier only knows "some u32" and refuses the return value.  Observed
 * on both kernels.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/ingress")
int mtu_guard(struct __sk_buff *skb)
{
	volatile __u32 verdict;

	verdict = skb->len > 1500 ? 0 : 1;
	return verdict;
}

char LICENSE[] SEC("license") = "GPL";
