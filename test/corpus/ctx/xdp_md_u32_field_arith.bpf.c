// SPDX-License-Identifier: GPL-2.0
/*
 * Context: to drop a 4-byte header, an XDP program does arithmetic on the
 * __u32 fields ctx->data / ctx->data_end themselves (and then assigns to
 * ctx->data) instead of first casting them to pointers.  The u32 arithmetic
 * makes the compiler zero-extend the loaded packet pointer with shifts,
 * which is pointer arithmetic the verifier refuses before it ever gets to
 * the (also illegal) write into xdp_md.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_pop4(struct xdp_md *ctx)
{
	if (ctx->data + 4 > ctx->data_end)
		return XDP_PASS;
	ctx->data += 4;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
