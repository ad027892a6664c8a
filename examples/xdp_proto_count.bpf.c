// SPDX-License-Identifier: GPL-2.0
/*
 * XDP: parse Ethernet / IPv4 / UDP with explicit data_end checks, count
 * packets per IP protocol in a per-CPU array, and drop UDP packets sent to
 * the discard port (9).  Everything else is passed.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP	0x0800
#define IPPROTO_UDP	17
#define DISCARD_PORT	9

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);	/* one slot per IP protocol number */
	__type(key, __u32);
	__type(value, __u64);
} proto_count SEC(".maps");

SEC("xdp")
int xdp_count_udp(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	struct udphdr *udph;
	__u32 proto;
	__u64 *cnt;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;

	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end)
		return XDP_PASS;
	if (iph->ihl < 5)
		return XDP_DROP;	/* malformed */

	proto = iph->protocol;
	cnt = bpf_map_lookup_elem(&proto_count, &proto);
	if (cnt)
		*cnt += 1;

	if (proto != IPPROTO_UDP)
		return XDP_PASS;

	/* honour IP options: the header is ihl * 4 bytes long */
	udph = (void *)iph + iph->ihl * 4;
	if ((void *)(udph + 1) > data_end)
		return XDP_PASS;

	if (udph->dest == bpf_htons(DISCARD_PORT))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
