// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: an off-by-one on a stack array's end, in asm form: the program
 * reads the 8 bytes at fp+0, just above the frame (the frame is fp-512 ..
 * fp-1).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int past_top(void *ctx)
{
	asm volatile (
	"r2 = 0;"
	"*(u64 *)(r10 - 8) = r2;"
	"r0 = *(u64 *)(r10 + 0);"
	"exit;"
	::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
