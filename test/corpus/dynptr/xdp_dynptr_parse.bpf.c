// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an XDP program that drops IPv4 fragments, reading the headers
 * through an xdp dynptr (bpf_dynptr_from_xdp + bpf_dynptr_slice, kfuncs
 * since 6.3).
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.12 and 6.18; load_error on 6.1 (no such kfuncs)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

extern int bpf_dynptr_from_xdp(struct xdp_md *xdp, __u64 flags,
			       struct bpf_dynptr *ptr) __ksym;
extern void *bpf_dynptr_slice(const struct bpf_dynptr *ptr, __u32 offset,
			      void *buffer, __u32 buffer__szk) __ksym;

SEC("xdp")
int xdp_drop_frags(struct xdp_md *ctx)
{
	struct bpf_dynptr pkt;
	struct ethhdr ebuf, *eth;
	struct iphdr ibuf, *ip;

	if (bpf_dynptr_from_xdp(ctx, 0, &pkt))
		return XDP_PASS;
	eth = bpf_dynptr_slice(&pkt, 0, &ebuf, sizeof(ebuf));
	if (!eth || eth->h_proto != bpf_htons(0x0800))
		return XDP_PASS;
	ip = bpf_dynptr_slice(&pkt, sizeof(*eth), &ibuf, sizeof(ibuf));
	if (!ip)
		return XDP_PASS;
	if (ip->frag_off & bpf_htons(0x3fff))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
