// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: sign extension of a narrow value held in a register (BPF_MOVSX,
 * cpu v4): the TTL delta read as a signed byte and widened to s64, which
 * -mcpu=v4 compiles to "r = (s8)r".
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__s64 ttl_delta_sum;

SEC("xdp")
int xdp_ttl(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct iphdr *ip = data + sizeof(struct ethhdr);
	__s64 d;

	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;
	d = (__s8)(ip->ttl - 64);  /* wraps to a signed byte */
	__sync_fetch_and_add(&ttl_delta_sum, d);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
