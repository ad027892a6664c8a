// SPDX-License-Identifier: GPL-2.0
/*
 * Mistake: inline assembly reads r3 assuming it still holds a value the
 * C code computed, but nothing ever wrote r3 in this program: at entry only
 * r1 (ctx) and r10 (frame pointer) are initialised.  The fix passes the
 * value to the asm as an input operand instead.
 */
// KERNEL-6.18: R3 !read_ok
// KERNEL-6.18-INSN: 0
// KERNEL-6.18-LOG-TAIL:
//   0: R1=ctx() R10=fp0
//   ; asm volatile("%[out] = r3" : [out] "=r"(out)); /* FAULT */ @ uninit_reg.bad.bpf.c:26
//   0: (bf) r0 = r3
//   R3 !read_ok
//   processed 1 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
int asm_copy_len(struct __sk_buff *skb)
{
	__u64 in = 1, out;

	(void)in;
	asm volatile("%[out] = r3" : [out] "=r"(out)); /* FAULT */
	return out;
}

char LICENSE[] SEC("license") = "GPL";
