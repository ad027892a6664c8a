// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: 32-bit conditional jumps (BPF_JMP32, cpu v3): comparisons of
 * __u32 values built with -mcpu=v3 use "if w1 > 1400 goto". Supported by
 * both kernels; the control case for the cpu v4 programs.
 * ORACLE-CFLAGS: -mcpu=v3
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__u64 small, large;

SEC("tc")
int tc_sizes(struct __sk_buff *skb)
{
	__u32 len = skb->len;

	if (len > 1400)
		__sync_fetch_and_add(&large, 1);
	else if (len < 128)
		__sync_fetch_and_add(&small, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
