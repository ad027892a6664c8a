// SPDX-License-Identifier: GPL-2.0
/*
 * Context: an XDP program "steers" packets by overwriting
 * ctx->rx_queue_index, as if xdp_md were a writable descriptor.  All of
 * xdp_md is read-only for XDP programs (redirecting is done with helpers).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_queue0(struct xdp_md *ctx)
{
	if (ctx->rx_queue_index != 0)
		ctx->rx_queue_index = 0;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
