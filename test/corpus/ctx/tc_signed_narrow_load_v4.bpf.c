// SPDX-License-Identifier: GPL-2.0
/*
 * Context: the low byte of skb->mark carries a signed priority delta; the
 * program reads it as __s8, which clang -mcpu=v4 turns into a
 * sign-extending 1-byte load (ldsx) from the __sk_buff context.  __sk_buff
 * loads are rewritten by the verifier into sk_buff accesses; tests whether
 * a sign-extending narrow ctx load is accepted (it is unknown before 6.6).
 */
// ORACLE-CFLAGS: -mcpu=v4
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0

SEC("tc")
int prio_delta(struct __sk_buff *skb)
{
	long delta = *(volatile __s8 *)&skb->mark;

	if (delta < 0)
		skb->priority = 0;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
