// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: a cgroup_skb ingress firewall reads the IPv4 header directly
 * (allowed for cgroup_skb since 5.2) and drops packets with options.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/ingress")
int drop_ip_options(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct iphdr *iph = data;

	if ((void *)(iph + 1) > data_end)
		return 1;
	if (iph->version == 4 && iph->ihl > 5)
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
