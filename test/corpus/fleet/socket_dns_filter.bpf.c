// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: a socket filter that keeps only UDP packets to or from port 53
 * (DNS) on a raw packet socket, truncated to 512 bytes.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.1, 6.12 and 6.18
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_HLEN	14
#define ETH_P_IP	0x0800

SEC("socket")
int socket_dns_filter(struct __sk_buff *skb)
{
	struct iphdr ip;
	struct udphdr udp;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &ip, sizeof(ip)) ||
	    ip.protocol != IPPROTO_UDP)
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + ip.ihl * 4, &udp, sizeof(udp)))
		return 0;
	if (udp.dest != bpf_htons(53) && udp.source != bpf_htons(53))
		return 0;
	return 512;
}

char LICENSE[] SEC("license") = "GPL";
