// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a multi-buffer XDP program (xdp.frags) reads a header that may
 * span fragments with bpf_xdp_load_bytes() after checking the full length
 * with bpf_xdp_get_buff_len().
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

SEC("xdp.frags")
int frags_proto(struct xdp_md *ctx)
{
	struct {
		struct ethhdr eth;
		struct iphdr ip;
	} hdr;

	if (bpf_xdp_get_buff_len(ctx) < sizeof(hdr))
		return XDP_PASS;
	if (bpf_xdp_load_bytes(ctx, 0, &hdr, sizeof(hdr)))
		return XDP_DROP;
	if (hdr.eth.h_proto == bpf_htons(ETH_P_IP) && hdr.ip.protocol == 47 /* GRE */)
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
