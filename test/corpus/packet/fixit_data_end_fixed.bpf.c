// SPDX-License-Identifier: GPL-2.0
// Fix-its (b), applied: fixit_data_end.bpf.c after clang -Xclang -fixit with
// bpfverify's plugin, which inserted the data_end check before the first
// read of the Ethernet header (the code below the comments is exactly the
// tool's output; checked by test/lit/plugin/fixit-data-end.test). The
// kernel accepts it.
// EXPECT: accept
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

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
