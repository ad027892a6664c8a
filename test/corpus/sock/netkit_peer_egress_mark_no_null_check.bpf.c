// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a netkit peer program (netkit/peer, Linux 6.7+), run for packets
 * the pod sends: it marks them with the pod's identity for the host's
 * routing rules and counts them per IP protocol in a per-CPU array. The
 * counter is incremented without checking the lookup's result for NULL:
 * the kernel rejects the dereference of a map_value_or_null.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define NETKIT_NEXT (-1)
#define ETH_P_IP 0x0800

const volatile __u32 pod_identity = 0;

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} proto_packets SEC(".maps");

SEC("netkit/peer")
int mark_pod(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	__u32 proto;
	__u64 *n;

	skb->mark = pod_identity;
	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return NETKIT_NEXT;
	proto = iph->protocol;
	n = bpf_map_lookup_elem(&proto_packets, &proto);
	*n += 1;
	return NETKIT_NEXT;
}

char LICENSE[] SEC("license") = "GPL";
