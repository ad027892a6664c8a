// SPDX-License-Identifier: LicenseRef-Proprietary
/*
 * Tests: bpf_printk() (bpf_trace_printk, GPL-only) left in a program of a
 * proprietary product.  Debug output is the most common way a non-GPL
 * program runs into the GPL-only rule.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int debug_len(struct xdp_md *ctx)
{
	bpf_printk("len %d", (int)(ctx->data_end - ctx->data));
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Proprietary";
