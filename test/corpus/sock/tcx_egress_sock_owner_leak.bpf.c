// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a tcx egress program (tcx/egress, Linux 6.6+) that finds the local
 * TCP socket of an outgoing IPv4 segment with bpf_sk_lookup_tcp() to
 * account its bytes to the socket's cookie. The early return for a socket
 * in TIME_WAIT forgets bpf_sk_release(): the kernel rejects the load with
 * an unreleased reference.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TCX_NEXT (-1)
#define ETH_P_IP 0x0800
#define BPF_TCP_TIME_WAIT 6

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, __u64);
	__type(value, __u64);
} bytes_by_cookie SEC(".maps");

SEC("tcx/egress")
int account_owner(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	struct tcphdr *tcp = (void *)(iph + 1);
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *sk;
	__u64 cookie, *bytes, len;

	if ((void *)(tcp + 1) > data_end)
		return TCX_NEXT;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->protocol != IPPROTO_TCP ||
	    iph->ihl != 5)
		return TCX_NEXT;

	tuple.ipv4.saddr = iph->daddr;
	tuple.ipv4.daddr = iph->saddr;
	tuple.ipv4.sport = tcp->dest;
	tuple.ipv4.dport = tcp->source;
	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), -1 /* BPF_F_CURRENT_NETNS */, 0);
	if (!sk)
		return TCX_NEXT;
	if (sk->state == BPF_TCP_TIME_WAIT)
		return TCX_NEXT;	/* leaks the reference */

	cookie = bpf_get_socket_cookie(skb);
	len = skb->len;
	bpf_sk_release(sk);
	bytes = bpf_map_lookup_elem(&bytes_by_cookie, &cookie);
	if (bytes)
		__sync_fetch_and_add(bytes, len);
	else
		bpf_map_update_elem(&bytes_by_cookie, &cookie, &len, BPF_NOEXIST);
	return TCX_NEXT;
}

char LICENSE[] SEC("license") = "GPL";
