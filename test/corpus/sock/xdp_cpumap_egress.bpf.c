// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a cpumap program (xdp/cpumap) has no egress device:
 * ctx->egress_ifindex is readable only in devmap programs.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp/cpumap")
int cpu_egress(struct xdp_md *ctx)
{
	return ctx->egress_ifindex == 1 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
