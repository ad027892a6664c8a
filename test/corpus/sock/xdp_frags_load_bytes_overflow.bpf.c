// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: bpf_xdp_load_bytes() into a 16-byte stack buffer with a length of
 * 32: the destination is too small.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp.frags")
int frags_overflow(struct xdp_md *ctx)
{
	__u8 buf[16];

	if (bpf_xdp_load_bytes(ctx, 0, buf, 32))
		return XDP_DROP;
	return buf[0] ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
