// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: a socket filter that returns the address of a local buffer as its
 * "length" (a helper was meant to fill it and return the size).  The exit
 * value should be a number; returning a pointer leaks a kernel address.
 * Only unprivileged loaders are stopped ("leaks addr as return value"): a
 * privileged socket filter may return it, on both kernels.  Asm pins the
 * return of the frame pointer value.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
__attribute__((naked)) int ret_fp(void *ctx)
{
	asm volatile (
	"r0 = r10;"
	"r0 += -8;"
	"exit;"
	::: "memory");
}

char LICENSE[] SEC("license") = "GPL";
