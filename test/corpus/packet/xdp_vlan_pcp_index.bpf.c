// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: per-priority counters for VLAN-tagged frames: the 3-bit PCP is
 * bpf_ntohs(tci) >> 13, an index in [0, 7].  bpf_ntohs() is a byte swap
 * (BPF_END), about which 6.1 knows nothing (see xdp_payload_offset_masked),
 * so this was written expecting a 6.1 rejection.  But clang folds
 * "bswap16(x) >> 13" into "(x >> 2) & 0x38" (index already scaled by 8):
 * no swap is left and both kernels accept.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_8021Q 0x8100

struct vlan_tag_hdr {
	__be16 tci;
	__be16 proto;
};

struct pcp_counts {
	__u64 pkts[8];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct pcp_counts);
} pcp SEC(".maps");

SEC("xdp")
int xdp_count_pcp(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct vlan_tag_hdr *vh = (void *)(eth + 1);
	struct pcp_counts *c;
	__u32 key = 0;

	if ((void *)(vh + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_8021Q))
		return XDP_PASS;
	c = bpf_map_lookup_elem(&pcp, &key);
	if (!c)
		return XDP_PASS;
	c->pkts[bpf_ntohs(vh->tci) >> 13]++;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
