// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: an XDP decapsulator strips an outer header with
 * bpf_xdp_adjust_head() and then keeps using the eth pointer computed
 * before the call.  The helper may move the packet, so the verifier forgets
 * every packet pointer taken before it: data and data_end must be reloaded.
 * Twin: xdp_adjust_head_reloaded.bpf.c.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define OUTER_LEN 8	/* a fake shim header in front of Ethernet */

SEC("xdp")
int xdp_strip_shim(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data + OUTER_LEN;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	if (bpf_xdp_adjust_head(ctx, OUTER_LEN))
		return XDP_ABORTED;
	/* eth still points at the old position */
	if (eth->h_proto == bpf_htons(0x0800))
		return XDP_PASS;
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
