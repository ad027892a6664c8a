// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_printk() debugging output in a cgroup_skb program.  The
 * printk helpers are in the base set for privileged (CAP_PERFMON)
 * loaders, so a root-loaded networking program may use them.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/ingress")
int debug_len(struct __sk_buff *skb)
{
	bpf_printk("ingress len=%u proto=%x", skb->len, skb->protocol);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
