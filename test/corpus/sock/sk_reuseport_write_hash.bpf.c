// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: struct sk_reuseport_md is read-only; a program that overwrites
 * reuse->hash to steer the kernel's own choice is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SK_PASS 1

SEC("sk_reuseport")
int rewrite_hash(struct sk_reuseport_md *reuse)
{
	reuse->hash = 0;
	return SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
