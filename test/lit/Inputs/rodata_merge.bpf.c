// SPDX-License-Identifier: GPL-2.0
/* rodata_merge.bpf.c — for plugin/pipeline.test: .rodata that the end of
 * clang's -O2 pipeline rewrites. Two programs use equal constant tables and
 * equal strings (ConstantMerge folds them into one), and a constant table
 * stays unreferenced after inlining (GlobalDCE drops it), so the ld_imm64
 * offsets into .rodata are only right if the verified module is the one
 * after the whole pipeline. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

static const unsigned int weights_a[8] = {3, 1, 4, 1, 5, 9, 2, 6};
static const unsigned int weights_b[8] = {3, 1, 4, 1, 5, 9, 2, 6};
static const unsigned int unused_tbl[8] = {2, 7, 1, 8, 2, 8, 1, 8};

static __attribute__((noinline)) unsigned int pick(const unsigned int *t,
                                                   unsigned int i)
{
	return t[i & 7];
}

SEC("xdp")
int prog_a(struct xdp_md *ctx)
{
	bpf_printk("len %u", ctx->data_end - ctx->data);
	return pick(weights_a, ctx->ingress_ifindex) & 1 ? XDP_PASS : XDP_DROP;
}

SEC("xdp")
int prog_b(struct xdp_md *ctx)
{
	bpf_printk("len %u", ctx->data_end - ctx->data);
	return pick(weights_b, ctx->rx_queue_index) & 2 ? XDP_PASS : XDP_DROP;
}

SEC("tc")
int prog_c(struct __sk_buff *skb)
{
	(void)unused_tbl;
	return pick(weights_a, skb->mark) > 4 ? 0 : 2;
}
