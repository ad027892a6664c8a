// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a netkit primary policy (netkit/primary, Linux 6.7+), the program a
 * CNI attaches to the host side of a pod's netkit pair: it drops IPv4
 * packets whose source is not the pod's address (anti-spoofing) and TCP
 * and UDP packets to ports the pod may not reach, looked up in a bitmap of
 * allowed destination ports kept in an array map. The bitmap has one bit
 * per port of a 16-bit range but is indexed with the port itself rather
 * than port / 8: the kernel rejects the possible read past the map value.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define NETKIT_PASS 0
#define NETKIT_DROP 2
#define ETH_P_IP 0x0800

struct pod_policy {
	__be32 pod_addr;
	__u32 drops;
	__u8 port_bitmap[8192];	/* one bit per destination port */
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct pod_policy);
} policy SEC(".maps");

SEC("netkit/primary")
int pod_policy(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	struct pod_policy *pol;
	__u32 zero = 0;
	__u16 dport;

	if ((void *)(iph + 1) > data_end)
		return NETKIT_DROP;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return NETKIT_PASS;
	pol = bpf_map_lookup_elem(&policy, &zero);
	if (!pol)
		return NETKIT_DROP;
	if (iph->saddr != pol->pod_addr)
		goto drop;
	if (iph->protocol != IPPROTO_TCP && iph->protocol != IPPROTO_UDP)
		return NETKIT_PASS;
	if (iph->ihl != 5)
		goto drop;
	/* the ports are at the same offset in TCP and UDP headers */
	if ((void *)iph + sizeof(*iph) + 4 > data_end)
		goto drop;
	dport = bpf_ntohs(*(__be16 *)((void *)iph + sizeof(*iph) + 2));
	if (pol->port_bitmap[dport] & (1 << (dport & 7)))
		return NETKIT_PASS;
drop:
	__sync_fetch_and_add(&pol->drops, 1);
	return NETKIT_DROP;
}

char LICENSE[] SEC("license") = "GPL";
