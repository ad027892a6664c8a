// SPDX-License-Identifier: GPL-2.0
/*
 * sk_lookup: rewriting the destination port in the lookup context. The
 * sk_lookup context is read-only; steering is done with bpf_sk_assign.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("sk_lookup")
int rewrite_port(struct bpf_sk_lookup *ctx)
{
	if (ctx->local_port == 80)
		ctx->local_port = 8080;
	return SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
