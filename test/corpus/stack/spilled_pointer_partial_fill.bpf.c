// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: the ctx pointer is spilled to the stack and only its low 32 bits
 * are loaded back (a u32 load from a slot holding a pointer, as happens
 * when a union or a cast confuses the types).  Part of a pointer is not a
 * pointer; the verifier refuses the fill.  Inline asm pins the pattern.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int partial_fill(void *ctx)
{
	asm volatile (
	"*(u64 *)(r10 - 8) = r1;"
	"r2 = *(u32 *)(r10 - 8);"
	"r0 = 0;"
	"exit;"
	::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
