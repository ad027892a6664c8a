// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the control for bswap_ntohs: the same program built for the
 * default cpu (no ORACLE-CFLAGS), where bpf_ntohs() becomes the cpu v1
 * "be16" (BPF_ALU | BPF_END | BPF_TO_BE) instruction known to both kernels.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

__u64 big_v4_packets;

SEC("xdp")
int xdp_len(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);

	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(0x0800))
		return XDP_PASS;
	if (bpf_ntohs(ip->tot_len) > 1400)
		__sync_fetch_and_add(&big_v4_packets, 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
