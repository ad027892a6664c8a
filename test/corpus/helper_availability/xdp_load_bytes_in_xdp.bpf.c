// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_xdp_load_bytes() (5.18+, for multi-buffer XDP) copying the
 * Ethernet header out of the frame instead of direct packet access; both
 * kernels offer it to XDP programs.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp.frags")
int drop_arp(struct xdp_md *ctx)
{
	struct ethhdr eth;

	if (bpf_xdp_load_bytes(ctx, 0, &eth, sizeof(eth)))
		return XDP_PASS;
	return eth.h_proto == bpf_htons(0x0806) ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
