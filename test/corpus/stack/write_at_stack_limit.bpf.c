// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: twin of write_below_stack_limit.bpf.c using the deepest legal
 * slot, fp-512: the whole 512-byte stack is usable.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int deepest_slot(void *ctx)
{
	asm volatile (
	"r2 = 1;"
	"*(u64 *)(r10 - 512) = r2;"
	"r0 = *(u64 *)(r10 - 512);"
	"exit;"
	::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
