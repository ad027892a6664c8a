// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: a cgroup_skb egress program tries to clear the IPv4 TOS byte by
 * writing the packet directly, as a tc program would.  cgroup_skb programs
 * may read packet data directly but not write it.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/egress")
int clear_tos(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct iphdr *iph = data;	/* cgroup_skb data starts at the IP header */

	if ((void *)(iph + 1) > data_end)
		return 1;
	if (iph->version == 4)
		iph->tos = 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
