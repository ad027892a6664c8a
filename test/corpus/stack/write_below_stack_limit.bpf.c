// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: a hand-tuned routine keeps a scratch value at fp-520, below the
 * 512-byte BPF stack (clang refuses such frames in C, hence inline asm).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int too_deep(void *ctx)
{
	asm volatile (
	"r2 = 1;"
	"*(u64 *)(r10 - 520) = r2;"
	"r0 = 0;"
	"exit;"
	::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
