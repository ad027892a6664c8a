// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a cgroup_skb program looks up the local socket, gets its
 * bpf_tcp_sock(), releases the socket, then reads snd_cwnd through the
 * tcp_sock pointer: the derived pointer shares the socket's reference and
 * dies with it (use after release, noted at bpf_sk_release).
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} cwnd_sum SEC(".maps");

SEC("cgroup_skb/ingress")
int ingress_cwnd(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tuple = {};
	struct bpf_tcp_sock *tp;
	struct bpf_sock *sk;
	__u32 zero = 0;
	__u64 *sum;

	tuple.ipv4.saddr = skb->remote_ip4;
	tuple.ipv4.daddr = skb->local_ip4;
	tuple.ipv4.sport = skb->remote_port >> 16;
	tuple.ipv4.dport = bpf_htons(skb->local_port);
	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), -1, 0);
	if (!sk)
		return 1;
	tp = bpf_tcp_sock(sk);
	bpf_sk_release(sk);
	if (!tp)
		return 1;
	sum = bpf_map_lookup_elem(&cwnd_sum, &zero);
	if (sum)
		*sum += tp->snd_cwnd; /* BUG: tp died with sk */
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
