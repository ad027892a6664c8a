// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: XDP reserves 4 bytes of metadata in front of the packet with
 * bpf_xdp_adjust_meta() to pass a mark to a later tc program, then writes
 * it after checking data_meta + 4 <= data (the metadata's own "data_end").
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_set_meta(struct xdp_md *ctx)
{
	void *data, *data_meta;
	__u32 *mark;

	if (bpf_xdp_adjust_meta(ctx, -(int)sizeof(*mark)))
		return XDP_PASS;
	data = (void *)(long)ctx->data;
	data_meta = (void *)(long)ctx->data_meta;
	mark = data_meta;
	if ((void *)(mark + 1) > data)
		return XDP_PASS;
	*mark = 0x2a;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
