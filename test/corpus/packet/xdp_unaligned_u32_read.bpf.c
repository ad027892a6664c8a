// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: the IPv4 source address sits at offset 26 of the frame, not
 * 4-byte aligned; the program reads it as one __u32.  On x86 (efficient
 * unaligned access) the verifier does not insist on packet alignment
 * unless the loader asks for strict alignment, so this is accepted.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int xdp_block_net10(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct iphdr *iph = data + sizeof(struct ethhdr);

	if ((void *)(iph + 1) > data_end)
		return XDP_PASS;
	if ((bpf_ntohl(iph->saddr) >> 24) == 10)
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
