// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: a bounded 32-bit index (0..15) is spilled with a 32-bit store and
 * filled with a 32-bit load (same size), then used to index a stack
 * buffer: the bounds survive the round trip on both kernels (contrast
 * narrowing_fill_bounds.bpf.c, where the spill is 64-bit).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_write")
__attribute__((naked)) int same_size_fill(void *ctx)
{
	asm volatile (
	"call %[bpf_get_prandom_u32];"
	"w0 &= 15;"
	"*(u32 *)(r10 - 8) = r0;"
	"r1 = 0;"
	"*(u64 *)(r10 - 24) = r1;"
	"*(u64 *)(r10 - 16) = r1;"
	"r1 = *(u32 *)(r10 - 8);"
	"r2 = r10;"
	"r2 += -24;"
	"r2 += r1;"
	"r0 = *(u8 *)(r2 + 0);"
	"exit;"
	:
	: [bpf_get_prandom_u32] "i"(bpf_get_prandom_u32)
	: "memory");
}

char LICENSE[] SEC("license") = "GPL";
