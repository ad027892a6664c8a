// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: "if (x & ~15) return" as the range check (no high bit set means
 * x <= 15), then x indexes 16 slots.  The verifier learns the cleared bits
 * from the false branch of the bit test.  Asm pins the JSET instruction
 * (clang would rewrite the test as a compare).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int jset_bound(void *ctx)
{
	asm volatile (
	"call %[bpf_get_prandom_u32];"
	"if r0 & -16 goto 1f;"
	"r1 = 0;"
	"*(u64 *)(r10 - 16) = r1;"
	"*(u64 *)(r10 - 8) = r1;"
	"r2 = r10;"
	"r2 += -16;"
	"r2 += r0;"
	"r0 = *(u8 *)(r2 + 0);"
	"exit;"
	"1:"
	"r0 = 0;"
	"exit;"
	:
	: [bpf_get_prandom_u32] "i"(bpf_get_prandom_u32)
	: "memory");
}

char LICENSE[] SEC("license") = "GPL";
