// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: whether the verifier follows the 32-bit target of "gotol"
 * (cpu v4: BPF_JMP32 | BPF_JA, jump offset in imm, off = 0). After the
 * gotol, the fall-through code is only reachable with r6 == 0; a kernel
 * that reads gotol as "goto +0" (off) walks into it with r6 != 0 and
 * reaches a read of the never-written r7. Written as asm: clang emits
 * gotol only for jumps longer than 32767 insns.
 * Finding: both kernels follow the imm target (6.1 included) and accept.
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int gotol_target(void)
{
	asm volatile (
		"call %[bpf_get_prandom_u32];"
		"r6 = r0;"
		"r0 = 0;"
		"if r6 == 0 goto l1_%=;"
		"gotol l0_%=;"
	"l1_%=:"
		"if r6 != 0 goto l2_%=;"	/* never taken when reached from above */
		"r0 = 1;"
	"l0_%=:"
		"exit;"
	"l2_%=:"
		"r0 = r7;"			/* r7 was never written */
		"exit;"
		:: [bpf_get_prandom_u32] "i"(BPF_FUNC_get_prandom_u32)
		: "memory");
}

char LICENSE[] SEC("license") = "GPL";
