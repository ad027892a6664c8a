// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: the shim stripper of xdp_adjust_head_stale_pointer.bpf.c done
 * right: after bpf_xdp_adjust_head() data and data_end are read again from
 * the context and the Ethernet header is checked anew.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define OUTER_LEN 8

SEC("xdp")
int xdp_strip_shim(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth;

	if (data + OUTER_LEN + sizeof(*eth) > data_end)
		return XDP_PASS;
	if (bpf_xdp_adjust_head(ctx, OUTER_LEN))
		return XDP_ABORTED;
	data_end = (void *)(long)ctx->data_end;
	data = (void *)(long)ctx->data;
	eth = data;
	if ((void *)(eth + 1) > data_end)
		return XDP_ABORTED;
	if (eth->h_proto == bpf_htons(0x0800))
		return XDP_PASS;
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
