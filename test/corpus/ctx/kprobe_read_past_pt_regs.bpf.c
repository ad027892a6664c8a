// SPDX-License-Identifier: GPL-2.0
/*
 * Context: wanting the 7th argument of a function (passed on the stack on
 * x86-64), the developer indexes the pt_regs context as an array of u64
 * past its end.  Only offsets inside struct pt_regs are valid.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("kprobe/do_sys_openat2")
int seventh_arg(struct pt_regs *ctx)
{
	__u64 *regs = (__u64 *)ctx;
	__u64 arg7 = regs[sizeof(struct pt_regs) / 8];	/* one past the end */

	bpf_printk("arg7 %llx", arg7);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
