// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a TPROXY-style tc ingress program steers TCP packets for port 80
 * to a local proxy listener: bpf_skc_lookup_tcp() finds the listener on
 * 127.0.0.1:8080, bpf_sk_assign() attaches it to the skb, and the
 * reference is released on every path.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2
#define BPF_F_CURRENT_NETNS (-1L)

SEC("tc")
int tproxy(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *sk;
	__u16 dport;
	long err;

	if (bpf_skb_load_bytes(skb, 14 + 20 + 2, &dport, sizeof(dport)))
		return TC_ACT_OK;
	if (dport != bpf_htons(80))
		return TC_ACT_OK;
	tuple.ipv4.daddr = bpf_htonl(0x7f000001);
	tuple.ipv4.dport = bpf_htons(8080);
	sk = bpf_skc_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return TC_ACT_SHOT;
	if (sk->state != 10 /* TCP_LISTEN */) {
		bpf_sk_release(sk);
		return TC_ACT_SHOT;
	}
	err = bpf_sk_assign(skb, sk, 0);
	bpf_sk_release(sk);
	return err ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
