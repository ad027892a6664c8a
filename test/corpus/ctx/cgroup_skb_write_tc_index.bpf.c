// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a cgroup_skb egress program copied from tc sets skb->tc_index.
 * cgroup_skb programs may write mark, priority and cb[] but not tc_index.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/egress")
int set_index(struct __sk_buff *skb)
{
	skb->mark = 7;
	skb->tc_index = 7;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
