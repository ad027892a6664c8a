// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: the end of a field (off + 4) is checked against the table size
 * and then the start (off) is used: clang checks the copy "end = off + 4"
 * and indexes with the original.  Only verifiers that link a register with
 * its copy-plus-constant (6.11+) carry the bound over to off.  Asm pins
 * the register allocation.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int linked_add(void *ctx)
{
	asm volatile (
	"call %[bpf_get_prandom_u32];"
	"r1 = r0;"
	"r1 += 4;"
	"if r1 > 16 goto 1f;"		/* end = off + 4 <= 16 */
	"r3 = 0;"
	"*(u64 *)(r10 - 16) = r3;"
	"*(u64 *)(r10 - 8) = r3;"
	"r2 = r10;"
	"r2 += -16;"
	"r2 += r0;"			/* start = off */
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
