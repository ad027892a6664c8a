// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: byte swapping a header field with bpf_ntohs()/bpf_ntohl(). With
 * -mcpu=v4 the swap is the unconditional BPF_ALU64 | BPF_END "bswap"
 * instruction instead of the cpu v1 "be16"/"be32" conversion.
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: 6.1 reject, 6.18 accept
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
