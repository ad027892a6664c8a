// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a program attached to a devmap entry (xdp/devmap) runs on the
 * egress device and may read ctx->egress_ifindex: frames leaving through
 * ifindex 1 (loopback) are dropped.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp/devmap")
int egress_filter(struct xdp_md *ctx)
{
	return ctx->egress_ifindex == 1 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
