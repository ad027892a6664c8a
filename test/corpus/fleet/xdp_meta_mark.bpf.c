// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: an XDP classifier tagging IPv4 packets with their protocol in the
 * metadata area (bpf_xdp_adjust_meta). EXPECT: accept on all three.
 * ORACLE-VMLINUX: 6.18
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

SEC("xdp")
int xdp_meta_mark(struct xdp_md *ctx)
{
	void *data, *data_end, *meta;
	struct ethhdr *eth;
	struct iphdr *ip;
	__u32 *mark;

	if (bpf_xdp_adjust_meta(ctx, -(int)sizeof(__u32)))
		return XDP_PASS;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	meta = (void *)(long)ctx->data_meta;
	mark = meta;
	if ((void *)(mark + 1) > data)
		return XDP_PASS;
	*mark = 0;
	eth = data;
	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;
	*mark = ip->protocol;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
