// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a sign-extending load straight from the program context
 * (r0 = *(s8 *)(r1 + off) on struct __sk_buff). Context accesses are
 * rewritten by the kernel and only plain loads are expected; whether a
 * sign-extending ctx load is accepted is an edge of the cpu v4 rules.
 * Finding: 6.18 accepts it (6.1 does not know BPF_MEMSX at all).
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int ldsx_ctx(void)
{
	asm volatile (
		"r0 = *(s8 *)(r1 + 0);"	/* skb->len, low byte, signed */
		"exit;"
		::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
