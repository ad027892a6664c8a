// SPDX-License-Identifier: GPL-2.0
/*
 * Context: the egress filter of xdp_egress_ifindex_plain_xdp.bpf.c declared
 * SEC("xdp/devmap"): loaded with expected attach type BPF_XDP_DEVMAP, it
 * may read egress_ifindex.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp/devmap")
int xdp_egress_filter(struct xdp_md *ctx)
{
	return ctx->egress_ifindex == 3 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
