// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the skb flavour of the copy helper in XDP: bpf_skb_load_bytes()
 * wants a struct __sk_buff context; XDP has bpf_xdp_load_bytes() instead
 * and the skb helper is unknown to it.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int drop_arp(struct xdp_md *ctx)
{
	struct ethhdr eth;

	if (bpf_skb_load_bytes(ctx, 0, &eth, sizeof(eth)))
		return XDP_PASS;
	return eth.h_proto == bpf_htons(0x0806) ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
