// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a cgroup_skb verdict that was range-checked with a 32-bit
 * comparison (`if w0 > 1`) while R0 holds a sign-extended 32-bit value:
 * the 64-bit value is then provably 0 or 1 as well, but only a verifier
 * that deduces 64-bit bounds from 32-bit ones (6.7+) can see it; 6.1
 * only knows the low half is in range.  Hand-written code (or code from
 * another compiler) produces this shape; clang folds the C equivalent
 * away, hence inline asm.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/ingress")
__attribute__((naked)) int sampled_drop(void)
{
	asm volatile (
	"	call %[get_prandom_u32];\n"
	"	r0 <<= 32;\n"
	"	r0 s>>= 32;\n"		/* (long)(int)rand: s64 in [S32_MIN, S32_MAX] */
	"	if w0 > 1 goto 1f;\n"	/* low half checked: 0 or 1 */
	"	exit;\n"
	"1:	r0 = 1;\n"
	"	exit;\n"
	:
	: [get_prandom_u32] "i"(BPF_FUNC_get_prandom_u32)
	: "r0", "r1", "r2", "r3", "r4", "r5");
}

char LICENSE[] SEC("license") = "GPL";
