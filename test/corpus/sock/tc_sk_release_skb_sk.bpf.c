// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: skb->sk is not a referenced socket: passing it (after the NULL
 * check and bpf_sk_fullsock) to bpf_sk_release() is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0

SEC("tc")
int release_unowned(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk)
		return TC_ACT_OK;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return TC_ACT_OK;
	bpf_sk_release(sk);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
