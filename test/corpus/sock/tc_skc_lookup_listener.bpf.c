// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: SYN-cookie style check: bpf_skc_lookup_tcp() finds any socket
 * (request, timewait or full); for a listener, bpf_get_listener_sock() is
 * consulted; the skc reference is released on every path.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2
#define BPF_F_CURRENT_NETNS (-1L)

SEC("tc")
int check_listener(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *skc, *lsk;
	int ret = TC_ACT_OK;

	if (bpf_skb_load_bytes(skb, 14 + 12, &tuple.ipv4, sizeof(tuple.ipv4)))
		return TC_ACT_OK;
	skc = bpf_skc_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!skc)
		return TC_ACT_SHOT;
	if (skc->state == 10 /* TCP_LISTEN */) {
		lsk = bpf_get_listener_sock(skc);
		if (lsk && lsk->src_port == 80)
			ret = TC_ACT_OK;
		else
			ret = TC_ACT_SHOT;
	}
	bpf_sk_release(skc);
	return ret;
}

char LICENSE[] SEC("license") = "GPL";
