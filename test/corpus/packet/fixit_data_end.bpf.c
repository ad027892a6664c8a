// SPDX-License-Identifier: GPL-2.0
// Fix-its (b), the data_end check before a packet access: an XDP program
// that drops non-IPv4 frames reads the Ethernet header without comparing it
// with data_end first. bpfverify's fix-it inserts
// `if ((void *)(eth + 1) > data_end) return XDP_PASS;` before the read:
// applied, it gives fixit_data_end_fixed.bpf.c
// (test/lit/plugin/fixit-data-end.test).
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

SEC("xdp")
int xdp_ipv4_only(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;

	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
