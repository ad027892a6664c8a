// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a tc egress program samples TCP state of the packet's socket:
 * skb->sk (may be NULL), bpf_sk_fullsock(), bpf_tcp_sock(), then reads
 * snd_cwnd, srtt_us and bytes_acked of struct bpf_tcp_sock into a map.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0

struct tcp_sample {
	__u32 snd_cwnd;
	__u32 srtt_us;
	__u64 bytes_acked;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tcp_sample);
} last_sample SEC(".maps");

SEC("tc")
int sample_tcp(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	struct bpf_tcp_sock *tp;
	struct tcp_sample *s;
	__u32 k = 0;

	if (!sk)
		return TC_ACT_OK;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return TC_ACT_OK;
	if (sk->protocol != 6)
		return TC_ACT_OK;
	tp = bpf_tcp_sock(sk);
	if (!tp)
		return TC_ACT_OK;
	s = bpf_map_lookup_elem(&last_sample, &k);
	if (!s)
		return TC_ACT_OK;
	s->snd_cwnd = tp->snd_cwnd;
	s->srtt_us = tp->srtt_us;
	s->bytes_acked = tp->bytes_acked;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
