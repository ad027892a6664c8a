// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: the ctx pointer is spilled across a helper call (which clobbers
 * r1-r5) and filled back whole, then used: the normal register-pressure
 * pattern clang emits, accepted.  Inline asm pins it.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int spill_fill(void *ctx)
{
	asm volatile (
	"*(u64 *)(r10 - 8) = r1;"
	"call %[bpf_get_prandom_u32];"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = *(u32 *)(r1 + 0);"	/* skb->len */
	"exit;"
	:
	: [bpf_get_prandom_u32] "i"(bpf_get_prandom_u32)
	: "memory");
}

char LICENSE[] SEC("license") = "GPL";
