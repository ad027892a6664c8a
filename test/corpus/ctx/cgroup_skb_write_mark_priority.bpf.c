// SPDX-License-Identifier: GPL-2.0
/*
 * Context: the fixed cgroup_skb_write_tc_index.bpf.c: a cgroup_skb egress
 * program sets skb->mark and skb->priority, both writable there.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/egress")
int set_mark(struct __sk_buff *skb)
{
	skb->mark = 7;
	skb->priority = 6;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
