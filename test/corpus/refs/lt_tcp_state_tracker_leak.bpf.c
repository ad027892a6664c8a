// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: (rejected twin of lt_tcp_state_tracker) the TCP state tracker
 * returns early when the socket is not a full socket (a request or
 * timewait socket) without releasing the looked-up socket: "Unreleased
 * reference" at that exit, noted at the bpf_sk_lookup_tcp() line.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0
#define ETH_P_IP 0x0800
#define BPF_F_CURRENT_NETNS (-1)

struct conn_key {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
};

struct conn_info {
	__u32 state;
	__u32 snd_cwnd;
	__u32 srtt_us;
	__u32 lookups;
	__u64 last_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, struct conn_key);
	__type(value, struct conn_info);
} conns SEC(".maps");

static __always_inline void record(struct conn_key *k, struct bpf_sock *sk)
{
	struct conn_info info = {}, *old;
	struct bpf_tcp_sock *tp;

	info.state = sk->state;
	info.last_ns = bpf_ktime_get_ns();
	tp = bpf_tcp_sock(sk);
	if (tp) {
		info.snd_cwnd = tp->snd_cwnd;
		info.srtt_us = tp->srtt_us >> 3;
	}
	old = bpf_map_lookup_elem(&conns, k);
	info.lookups = old ? old->lookups + 1 : 1;
	bpf_map_update_elem(&conns, k, &info, BPF_ANY);
}

SEC("tc")
int tc_track_tcp(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct tcphdr *tcp = (void *)(ip + 1);
	struct bpf_sock_tuple tuple = {};
	struct conn_key key = {};
	struct bpf_sock *sk, *full;

	if ((void *)(tcp + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || ip->ihl != 5 ||
	    ip->protocol != IPPROTO_TCP)
		return TC_ACT_OK;
	tuple.ipv4.saddr = key.saddr = ip->saddr;
	tuple.ipv4.daddr = key.daddr = ip->daddr;
	tuple.ipv4.sport = key.sport = tcp->source;
	tuple.ipv4.dport = key.dport = tcp->dest;

	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return TC_ACT_OK;
	full = bpf_sk_fullsock(sk);
	if (!full)
		return TC_ACT_OK; /* BUG: sk not released */
	record(&key, full);
	bpf_sk_release(sk);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
