// SPDX-License-Identifier: GPL-2.0
/*
 * syscall: reading before the start of the caller's argument block
 * (ctx - 8). A syscall program may access its context at any offset
 * from 0, never below it.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("syscall")
int before_args(void *ctx)
{
	__u64 v = *(__u64 *)((char *)ctx - 8);

	return v == 0;
}

char LICENSE[] SEC("license") = "GPL";
