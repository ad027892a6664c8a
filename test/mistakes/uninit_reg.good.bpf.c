// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed: the value is handed to the inline assembly as an input operand,
 * so the compiler places it in an initialised register.
 */
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
int asm_copy_len(struct __sk_buff *skb)
{
	__u64 in = 1, out;

	(void)in;
	asm volatile("%[out] = %[in]" : [out] "=r"(out) : [in] "r"(in));
	return out;
}

char LICENSE[] SEC("license") = "GPL";
