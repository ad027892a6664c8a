// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tc ingress tracker of TCP segments that reach a local socket: a
 * static __noinline subprogram builds the socket tuple from the IPv4/TCP
 * headers, bpf_sk_lookup_tcp() finds the established or listening socket
 * (an acquired reference), bpf_tcp_sock() reads its state, and a ring buffer
 * record (a second acquired reference) reports segments that arrive on a
 * socket with a small congestion window. The socket is released on every
 * path, before or after the record is reserved.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define TC_ACT_OK 0
#define IPPROTO_TCP 6
#define BPF_F_CURRENT_NETNS (-1L)

struct seg_event {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u32 state;
	__u32 snd_cwnd;
	__u32 srtt_us;
	__u32 len;
	__u64 ts;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 128 * 1024);
} seg_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, __u64);
} lookup_stats SEC(".maps");

const volatile __u32 cwnd_threshold = 10;

enum { ST_NO_SOCK = 0, ST_FOUND = 1, ST_REPORTED = 2 };

static __always_inline void bump(__u32 which)
{
	__u64 *v = bpf_map_lookup_elem(&lookup_stats, &which);

	if (v)
		*v += 1;
}

/* fills the lookup tuple; 0 on a TCP/IPv4 segment */
static __noinline int build_tuple(struct __sk_buff *skb, struct bpf_sock_tuple *t)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	struct tcphdr *th;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return -1;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end || iph->ihl != 5 ||
	    iph->protocol != IPPROTO_TCP)
		return -1;
	th = (void *)(iph + 1);
	if ((void *)(th + 1) > data_end)
		return -1;
	t->ipv4.saddr = iph->saddr;
	t->ipv4.daddr = iph->daddr;
	t->ipv4.sport = th->source;
	t->ipv4.dport = th->dest;
	return 0;
}

SEC("tc")
int track_ingress(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tuple = {};
	struct bpf_tcp_sock *tp;
	struct seg_event *e;
	struct bpf_sock *sk;
	__u32 cwnd, srtt, state;

	if (build_tuple(skb, &tuple) < 0)
		return TC_ACT_OK;
	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk) {
		bump(ST_NO_SOCK);
		return TC_ACT_OK;
	}
	bump(ST_FOUND);
	state = sk->state;
	tp = bpf_tcp_sock(sk);
	if (!tp) {
		bpf_sk_release(sk);
		return TC_ACT_OK;
	}
	cwnd = tp->snd_cwnd;
	srtt = tp->srtt_us;
	if (cwnd >= cwnd_threshold) {
		bpf_sk_release(sk);
		return TC_ACT_OK;
	}
	e = bpf_ringbuf_reserve(&seg_events, sizeof(*e), 0);
	if (!e) {
		bpf_sk_release(sk);
		return TC_ACT_OK;
	}
	e->saddr = tuple.ipv4.saddr;
	e->daddr = tuple.ipv4.daddr;
	e->sport = bpf_ntohs(tuple.ipv4.sport);
	e->dport = bpf_ntohs(tuple.ipv4.dport);
	e->state = state;
	e->snd_cwnd = cwnd;
	e->srtt_us = srtt >> 3;
	e->len = skb->len;
	e->ts = bpf_ktime_get_ns();
	bpf_sk_release(sk);
	bpf_ringbuf_submit(e, 0);
	bump(ST_REPORTED);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
