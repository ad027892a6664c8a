// SPDX-License-Identifier: GPL-2.0
/*
 * Context: tc_skb_sk_no_null_check.bpf.c with the NULL check on skb->sk.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0
#define AF_INET6 10

SEC("tc")
int v6_sockets(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (sk && sk->family == AF_INET6)
		skb->mark = 6;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
