// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an XDP program returning 5, one past XDP_REDIRECT (4), e.g. a
 * custom "XDP_REDIRECT_OR_PASS" enum value.  Unknown XDP actions are
 * treated at run time (bpf_warn_invalid_xdp_action + drop); the verifier
 * does not range-check XDP return values, so this loads.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

enum { MY_XDP_REDIRECT_OR_PASS = 5 };

SEC("xdp")
int odd_action(struct xdp_md *ctx)
{
	if (ctx->ingress_ifindex == 1)
		return MY_XDP_REDIRECT_OR_PASS;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
