// SPDX-License-Identifier: GPL-2.0
/*
 * tc (cls_bpf, direct-action) ingress classifier: skip up to two VLAN tags
 * with a small bounded loop, then count bytes per IPv4 source address in a
 * hash map using direct packet access, and mark packets from 10.0.0.0/8.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK	0
#define ETH_P_IP	0x0800
#define ETH_P_8021Q	0x8100
#define ETH_P_8021AD	0x88A8
#define MAX_VLAN_TAGS	2
#define MARK_PRIVATE	0x10

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __be32);		/* IPv4 source address */
	__type(value, __u64);		/* bytes received */
} bytes_by_saddr SEC(".maps");

SEC("tc")
int tc_count_ingress(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct ethhdr *eth = data;
	void *cursor = eth + 1;
	struct iphdr *iph;
	__be16 proto;
	__u64 *bytes, len = skb->len;
	__be32 saddr;
	int i;

	if (cursor > data_end)
		return TC_ACT_OK;
	proto = eth->h_proto;

	for (i = 0; i < MAX_VLAN_TAGS; i++) {
		struct vlan_hdr *vh = cursor;

		if (proto != bpf_htons(ETH_P_8021Q) &&
		    proto != bpf_htons(ETH_P_8021AD))
			break;
		if ((void *)(vh + 1) > data_end)
			return TC_ACT_OK;
		proto = vh->h_vlan_encapsulated_proto;
		cursor = vh + 1;
	}

	if (proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	iph = cursor;
	if ((void *)(iph + 1) > data_end)
		return TC_ACT_OK;

	saddr = iph->saddr;
	bytes = bpf_map_lookup_elem(&bytes_by_saddr, &saddr);
	if (bytes)
		__sync_fetch_and_add(bytes, len);
	else
		bpf_map_update_elem(&bytes_by_saddr, &saddr, &len, BPF_NOEXIST);

	if ((bpf_ntohl(saddr) & 0xff000000) == 0x0a000000)
		skb->mark = MARK_PRIVATE;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
