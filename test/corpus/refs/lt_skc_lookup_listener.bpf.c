// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: SYN-cookie style listener check on tc ingress:
 * bpf_skc_lookup_tcp() returns a sock_common (request and timewait
 * sockets included); the program asks for the listener with
 * bpf_get_listener_sock() only when it is a full socket (bpf_sk_fullsock)
 * and releases the looked-up sock_common on every path. The listener
 * pointer carries no reference of its own.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("tc")
int tc_listener(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct tcphdr *tcp = (void *)(ip + 1);
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *skc, *full, *lsk;
	int ret = 0;

	if ((void *)(tcp + 1) > data_end)
		return 0;
	if (eth->h_proto != bpf_htons(0x0800) || ip->ihl != 5 || ip->protocol != IPPROTO_TCP)
		return 0;
	tuple.ipv4.saddr = ip->saddr;
	tuple.ipv4.daddr = ip->daddr;
	tuple.ipv4.sport = tcp->source;
	tuple.ipv4.dport = tcp->dest;
	skc = bpf_skc_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), -1, 0);
	if (!skc)
		return 0;
	if (skc->state == 10 /* TCP_LISTEN */) {
		full = bpf_sk_fullsock(skc);
		if (full) {
			lsk = bpf_get_listener_sock(full);
			if (lsk && lsk->src_port == bpf_ntohs(tcp->dest))
				ret = 1;
		}
	}
	bpf_sk_release(skc);
	return ret;
}

char LICENSE[] SEC("license") = "GPL";
