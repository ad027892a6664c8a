// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: a pointer spilled to a stack address that is not 8-byte aligned
 * (fp-12), as a packed structure layout would place it.  Stack accesses
 * must be aligned to their size.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int packed_spill(void *ctx)
{
	asm volatile (
	"*(u64 *)(r10 - 12) = r1;"
	"r0 = 0;"
	"exit;"
	::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
