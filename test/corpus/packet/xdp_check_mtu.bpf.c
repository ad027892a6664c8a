// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_check_mtu from XDP (the xdp variant of the helper) before
 * redirecting a frame grown by a tunnel header.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__u64 over_mtu;

SEC("xdp")
int xdp_mtu_gate(struct xdp_md *ctx)
{
	__u32 mtu_len = 0;

	if (bpf_check_mtu(ctx, 0, &mtu_len, 40, 0)) {
		__sync_fetch_and_add(&over_mtu, 1);
		return XDP_DROP;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
