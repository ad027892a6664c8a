// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an XDP packet parser split into global functions, the way
 * libxdp-style tools share code between programs: each global function
 * takes the XDP context (recognised by its type name) plus scalar offsets,
 * re-derives data/data_end from the context and bounds-checks every
 * header before reading it. Each global function is verified once on its
 * own; the caller only sees an unknown scalar come back.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86DD
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} proto_stats SEC(".maps");

/* Returns the L3 protocol and stores nothing: offsets travel as scalars. */
__noinline int parse_eth(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > data_end)
		return -1;
	return bpf_ntohs(eth->h_proto);
}

/* L4 protocol of an IPv4 packet whose header starts at nh_off. */
__noinline int parse_ipv4(struct xdp_md *ctx, __u32 nh_off)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct iphdr *iph;

	if (nh_off > 64)
		return -1;
	iph = data + nh_off;
	if ((void *)(iph + 1) > data_end)
		return -1;
	if (iph->ihl < 5)
		return -1;
	return iph->protocol;
}

__noinline int parse_ipv6(struct xdp_md *ctx, __u32 nh_off)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ipv6hdr *ip6h;

	if (nh_off > 64)
		return -1;
	ip6h = data + nh_off;
	if ((void *)(ip6h + 1) > data_end)
		return -1;
	return ip6h->nexthdr;
}

__noinline int count_proto(__u32 slot)
{
	__u64 *cnt = bpf_map_lookup_elem(&proto_stats, &slot);

	if (!cnt)
		return 0;
	*cnt += 1;
	return 1;
}

SEC("xdp")
int xdp_proto_count(struct xdp_md *ctx)
{
	int h_proto = parse_eth(ctx);
	int l4;

	if (h_proto < 0)
		return XDP_DROP;
	if (h_proto == ETH_P_IP)
		l4 = parse_ipv4(ctx, sizeof(struct ethhdr));
	else if (h_proto == ETH_P_IPV6)
		l4 = parse_ipv6(ctx, sizeof(struct ethhdr));
	else
		return XDP_PASS;
	if (l4 == IPPROTO_TCP)
		count_proto(0);
	else if (l4 == IPPROTO_UDP)
		count_proto(1);
	else
		count_proto(2);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
