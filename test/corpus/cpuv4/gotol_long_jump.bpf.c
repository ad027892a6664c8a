// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the cpu v4 "gotol" (BPF_JMP32 | BPF_JA with a 32-bit offset in
 * imm), which clang emits when a jump spans more than 32767 insns. A C
 * program that large is impractical here, so the instruction is written
 * directly (naked function), over a short distance.
 * Finding: Debian's 6.1 accepts it too (unlike sdiv/smod/movsx/ldsx/bswap,
 * which it refuses), and gotol_offset_in_imm shows that it follows the
 * 32-bit target in imm exactly like 6.18 (same 9 insns processed).
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int gotol_skip(void)
{
	asm volatile (
		"call %[bpf_get_prandom_u32];"
		"if r0 == 0 goto l1_%=;"
		"gotol l0_%=;"
	"l1_%=:"
		"r0 = 1;"
	"l0_%=:"
		"exit;"
		:: [bpf_get_prandom_u32] "i"(BPF_FUNC_get_prandom_u32)
		: "memory");
}

char LICENSE[] SEC("license") = "GPL";
