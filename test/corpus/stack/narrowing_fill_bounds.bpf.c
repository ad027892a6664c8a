// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: a bounded 64-bit index (0..15) is spilled to the stack under
 * register pressure and read back as a 32-bit value (as clang does when
 * the C type is u32), then used to index a stack buffer.  6.8+ keeps the
 * bounds of a scalar on such a narrowing fill; older kernels forget them
 * and see an unbounded index.  The spill/fill pattern needs inline asm to
 * be reproducible.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_write")
__attribute__((naked)) int narrow_fill(void *ctx)
{
	asm volatile (
	"call %[bpf_get_prandom_u32];"
	"r0 &= 15;"
	"*(u64 *)(r10 - 8) = r0;"	/* spill the 64-bit index */
	"r1 = 0;"
	"*(u64 *)(r10 - 24) = r1;"	/* u8 buf[16] at fp-24 */
	"*(u64 *)(r10 - 16) = r1;"
	"r1 = *(u32 *)(r10 - 8);"	/* narrowing fill: low 32 bits */
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
