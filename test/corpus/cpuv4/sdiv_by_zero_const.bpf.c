// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: signed division by the constant 0 (BPF_SDIV with imm 0). Division
 * by an immediate zero is refused outright by the verifier; 6.1 does not
 * know the instruction at all. Written as asm because C compilers fold a
 * division by constant 0.
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int sdiv_zero(void)
{
	asm volatile (
		"r0 = 42;"
		"r0 s/= 0;"
		"exit;"
		::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
