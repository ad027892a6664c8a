// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a loop with a __u8 counter compared against a 32-bit limit from
 * the context.  If the limit is >= 256 the counter wraps and the loop
 * never ends; the verifier walks until it runs out of budget.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__u64 acc;

SEC("xdp")
int spin(struct xdp_md *ctx)
{
	__u32 limit = ctx->rx_queue_index;
	__u8 i;

	for (i = 0; i < limit; i++)
		acc += i;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
