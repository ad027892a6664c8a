// SPDX-License-Identifier: GPL-2.0
/*
 * netfilter: a hook returning NF_QUEUE (3). BPF netfilter programs may
 * only return NF_DROP (0) or NF_ACCEPT (1).
 * ORACLE-VMLINUX: 6.18
 */
// EXPECT: reject on 6.12 and 6.18; load_error on 6.1 (no netfilter program type)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("netfilter")
int nf_queue(struct bpf_nf_ctx *ctx)
{
	return 3;
}

char LICENSE[] SEC("license") = "GPL";
