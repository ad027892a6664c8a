// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: sign-extending move (BPF_MOVSX) applied to a pointer register
 * (r2 = (s32)r10): sign extension of a pointer is meaningless and the
 * verifier must not let it produce a usable pointer or leak it.
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int movsx_fp(void)
{
	asm volatile (
		"r2 = r10;"
		"r2 = (s32)r2;"
		"r0 = *(u64 *)(r2 - 8);"
		"exit;"
		::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
