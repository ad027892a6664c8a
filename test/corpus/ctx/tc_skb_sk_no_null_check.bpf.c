// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a tc egress program reads the socket of the packet through
 * skb->sk and looks at its family.  skb->sk is NULL for forwarded packets,
 * so the verifier types it "sock_common or NULL" and wants a check first.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0
#define AF_INET6 10

SEC("tc")
int v6_sockets(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (sk->family == AF_INET6)
		skb->mark = 6;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
