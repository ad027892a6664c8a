// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: the twin of xdp_ldsx_ctx_data.bpf.c: a sign-extending load of a
 * plain number of the XDP context (ingress_ifindex) is allowed; only the
 * packet pointers refuse it.
 */
// EXPECT: 6.18 accept, 6.12 accept
// ORACLE-CFLAGS: -mcpu=v4
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
__attribute__((naked)) int xdp_ldsx_ifindex(void)
{
	asm volatile (
	"r2 = *(s32 *)(r1 + 12);"	/* ctx->ingress_ifindex */
	"r0 = 2;"			/* XDP_PASS */
	"if r2 s> 0 goto 1f;"
	"r0 = 1;"			/* XDP_DROP */
	"1: exit;"
	::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
