// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: a stack slot holds a spilled ctx pointer; a later 4-byte store
 * reuses half of the slot (stack slot sharing gone wrong), and then the
 * whole slot is loaded and dereferenced as the ctx pointer.  After the
 * partial overwrite the slot holds plain data, so the load gives a scalar.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int clobbered_spill(void *ctx)
{
	asm volatile (
	"*(u64 *)(r10 - 8) = r1;"
	"r2 = 7;"
	"*(u32 *)(r10 - 8) = r2;"
	"r1 = *(u64 *)(r10 - 8);"
	"r0 = *(u32 *)(r1 + 0);"	/* skb->len */
	"exit;"
	::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
