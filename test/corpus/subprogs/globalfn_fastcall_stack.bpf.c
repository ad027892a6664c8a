// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the bpf_fastcall contract. A compiler that knows
 * bpf_get_smp_processor_id() is bpf_fastcall (clang 20 with libbpf 1.5's
 * headers) keeps a live caller-saved register across the call by a spill
 * and fill around it, written here in asm as such a compiler emits it.
 * Kernels that know the contract drop the pair before checking the stack
 * (the helper is inlined), so the main program's 8 bytes do not count and
 * the 512-byte frame of the callee still fits; a kernel that does not
 * counts 16 + 512 bytes.
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* a callee with a full 512-byte frame (a scratch buffer) */
__attribute__((used, naked)) static __noinline int big_frame(void)
{
	asm volatile (
		"r2 = *(u32 *)(r1 + 0);"
		"*(u64 *)(r10 - 512) = r2;"
		"*(u64 *)(r10 - 8) = r2;"
		"r0 = *(u64 *)(r10 - 512);"
		"exit;"
		::: "memory");
}

SEC("tc")
__attribute__((naked)) int tc_fastcall(void)
{
	asm volatile (
		"r6 = r1;"
		"r1 = *(u32 *)(r6 + 0);"
		"*(u64 *)(r10 - 8) = r1;"
		"call %[bpf_get_smp_processor_id];"
		"r1 = *(u64 *)(r10 - 8);"
		"r7 = r1;"
		"r7 += r0;"
		"r1 = r6;"
		"call big_frame;"
		"r0 += r7;"
		"r0 &= 1;"
		"exit;"
		:
		: [bpf_get_smp_processor_id] "i" (BPF_FUNC_get_smp_processor_id)
		: "memory");
}

char LICENSE[] SEC("license") = "GPL";
