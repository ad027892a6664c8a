// SPDX-License-Identifier: GPL-2.0
/*
 * Context: an XDP program meant to run on a devmap entry reads
 * ctx->egress_ifindex but is declared SEC("xdp") rather than
 * SEC("xdp/devmap"); egress_ifindex is only readable for programs loaded
 * with the devmap expected attach type.  Twin: xdp_egress_ifindex_devmap.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_egress_filter(struct xdp_md *ctx)
{
	return ctx->egress_ifindex == 3 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
