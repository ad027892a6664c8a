// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a sign-extending load from packet memory: a signed TCP option
 * byte read as __s8 after the bounds check, built with -mcpu=v4 so the
 * load is "r = *(s8 *)(r + off)" on a packet pointer.
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__s64 signed_sum;

SEC("xdp")
int xdp_signed_byte(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__s8 *p = data + 34; /* first byte after Ethernet + IPv4 headers */

	if ((void *)(p + 1) > data_end)
		return XDP_PASS;
	signed_sum += *p;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
