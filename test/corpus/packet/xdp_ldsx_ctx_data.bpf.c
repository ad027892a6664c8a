// SPDX-License-Identifier: GPL-2.0
/*
 * Packet: an XDP program built for cpu v4 whose hand-written prologue
 * loads ctx->data with a sign-extending load (ldsx, `*(s32 *)`). The
 * packet pointers of the context may only be loaded whole and plain:
 * "invalid bpf_context access off=0 size=4". Kernels without the cpu v4
 * instructions refuse the opcode itself.
 */
// EXPECT: reject
// ORACLE-CFLAGS: -mcpu=v4
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
__attribute__((naked)) int xdp_ldsx_data(void)
{
	asm volatile (
	"r2 = *(s32 *)(r1 + 0);"	/* ctx->data, sign-extended */
	"r3 = *(u32 *)(r1 + 4);"	/* ctx->data_end */
	"r0 = 2;"			/* XDP_PASS */
	"r4 = r2;"
	"r4 += 14;"
	"if r4 > r3 goto 1f;"
	"r0 = *(u8 *)(r2 + 12);"
	"r0 &= 1;"
	"r0 += 1;"
	"1: exit;"
	::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
