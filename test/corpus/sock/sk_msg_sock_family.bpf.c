// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: msg->sk is the sending socket (never NULL in sk_msg); a policy
 * passes IPv4 traffic only, reading the family through the socket and
 * pushing a 4-byte tag in front with bpf_msg_push_data().
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SK_DROP 0
#define SK_PASS 1
#define AF_INET 2

SEC("sk_msg")
int ipv4_only(struct sk_msg_md *msg)
{
	struct bpf_sock *sk = msg->sk;

	if (sk->family != AF_INET)
		return SK_DROP;
	if (bpf_msg_push_data(msg, 0, 4, 0))
		return SK_DROP;
	return SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
