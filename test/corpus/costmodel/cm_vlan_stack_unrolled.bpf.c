// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an XDP load balancer front end popping up to 4 stacked VLAN
 * tags (802.1Q / 802.1ad QinQ) with "#pragma unroll", each step with its
 * own data_end check, then dispatching on the inner ethertype and
 * counting per VLAN id in an array map.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define VLAN_MAX_DEPTH 4
#define ETH_P_8021Q 0x8100
#define ETH_P_8021AD 0x88A8
#define ETH_P_IP 0x0800
#define VLAN_VID_MASK 0x0fff

struct vlan_hdr_s {
	__be16 tci;
	__be16 encap_proto;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} vlan_pkts SEC(".maps");

static __always_inline int proto_is_vlan(__u16 h_proto)
{
	return h_proto == bpf_htons(ETH_P_8021Q) ||
	       h_proto == bpf_htons(ETH_P_8021AD);
}

SEC("xdp")
int xdp_vlan_pop_count(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct vlan_hdr_s *vh;
	__u16 h_proto;
	__u32 vid = 0;
	__u64 *cnt;
	int i;

	if ((void *)(eth + 1) > data_end)
		return XDP_ABORTED;
	h_proto = eth->h_proto;
	vh = (void *)(eth + 1);

#pragma unroll
	for (i = 0; i < VLAN_MAX_DEPTH; i++) {
		if (!proto_is_vlan(h_proto))
			break;
		if ((void *)(vh + 1) > data_end)
			return XDP_DROP;
		vid = bpf_ntohs(vh->tci) & VLAN_VID_MASK;
		h_proto = vh->encap_proto;
		vh++;
	}
	if (h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	cnt = bpf_map_lookup_elem(&vlan_pkts, &vid);
	if (cnt)
		*cnt += 1;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
