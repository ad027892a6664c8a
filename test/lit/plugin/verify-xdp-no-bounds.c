// clang -verify: reading the Ethernet header without a data_end check is
// rejected at that line (test/mistakes/xdp_no_bounds.bad.bpf.c, Linux 6.18);
// any notes are not checked here.
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=6.18 -fsyntax-only \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note %s
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IPV6 0x86DD

SEC("xdp")
int xdp_drop_ipv6(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;

	(void)data_end;
	if (eth->h_proto == bpf_htons(ETH_P_IPV6)) // expected-error {{invalid access to packet, off=12 size=2, R1(id=0,off=12,r=0) [bpfverify: xdp_drop_ipv6, kernel 6.18]}}
		return XDP_DROP;
	return XDP_PASS;
}

// The checked version of the same program is accepted.
SEC("xdp")
int xdp_drop_ipv6_checked(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto == bpf_htons(ETH_P_IPV6))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
