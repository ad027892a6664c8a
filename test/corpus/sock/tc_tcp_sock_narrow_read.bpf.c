// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: struct bpf_tcp_sock fields may only be read whole: a 16-bit read
 * of snd_cwnd (via a cast) is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0

SEC("tc")
int narrow_cwnd(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	struct bpf_tcp_sock *tp;

	if (!sk)
		return TC_ACT_OK;
	tp = bpf_tcp_sock(sk);
	if (!tp)
		return TC_ACT_OK;
	return *(volatile __u16 *)&tp->snd_cwnd > 10;
}

char LICENSE[] SEC("license") = "GPL";
