// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a tc action program (section "action") that reads the IPv4
 * protocol byte of the packet without first comparing the header's end
 * with data_end: the direct packet access is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK   0
#define TC_ACT_SHOT 2

SEC("action")
int drop_icmp(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	struct iphdr *iph = data + sizeof(struct ethhdr);

	if (iph->protocol == IPPROTO_ICMP)
		return TC_ACT_SHOT;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
