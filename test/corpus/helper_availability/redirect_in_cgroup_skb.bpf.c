// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_redirect() in a cgroup_skb egress program, to steer a
 * container's traffic to another interface.  cgroup_skb programs can only
 * allow or drop; redirecting is for tc (and XDP), so the helper is not
 * offered.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

const volatile __u32 steer_ifindex = 2;

SEC("cgroup_skb/egress")
int steer(struct __sk_buff *skb)
{
	bpf_redirect(steer_ifindex, 0);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
