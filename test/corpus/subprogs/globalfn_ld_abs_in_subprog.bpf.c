// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a classic socket filter that reads packet bytes with LD_ABS
 * (load_byte/load_half, as old tcpdump-style BPF C code does) inside a
 * static helper function that returns int: LD_ABS may end the whole
 * program early (returning 0), which the kernel allows in a subprogram
 * whose BTF says it returns an int.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

unsigned long long load_byte(void *skb, unsigned long long off) asm("llvm.bpf.load.byte");
unsigned long long load_half(void *skb, unsigned long long off) asm("llvm.bpf.load.half");

static __noinline int is_tcp_v4(struct __sk_buff *skb)
{
	if (load_half(skb, 12) != 0x0800)
		return 0;
	return load_byte(skb, 23) == 6;
}

SEC("socket")
int sock_tcp_only(struct __sk_buff *skb)
{
	return is_tcp_v4(skb) ? skb->len : 0;
}

char LICENSE[] SEC("license") = "GPL";
