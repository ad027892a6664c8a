// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the classic protocol dispatcher: an XDP entry program tail-calls
 * into per-protocol programs stored in a BPF_MAP_TYPE_PROG_ARRAY, and
 * falls through when the slot is empty. The second program is a tail call
 * target, loaded on its own here.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 256);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} dispatch SEC(".maps");

SEC("xdp")
int xdp_entry(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = data + sizeof(*eth);

	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(0x0800))
		return XDP_PASS;
	bpf_tail_call(ctx, &dispatch, ip->protocol);
	return XDP_PASS; /* no program for this protocol */
}

SEC("xdp")
int xdp_tcp(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
