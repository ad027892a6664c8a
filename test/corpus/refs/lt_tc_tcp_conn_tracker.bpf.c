// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a TCP connection tracker at tc ingress, the kind a host agent
 * runs to follow the state of local connections: a global function parses
 * Ethernet/IPv4/TCP into a flow tuple (checking every header against
 * data_end), bpf_skc_lookup_tcp() finds the local socket, bpf_tcp_sock()
 * gives its TCP view (srtt, state), and a per-flow record in a hash map is
 * updated under its bpf_spin_lock (packets, bytes, last state, srtt
 * samples). The socket reference is released on every path before the
 * lock is taken.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0
#define ETH_P_IP 0x0800

struct flow_key {
	__be32 saddr;
	__be32 daddr;
	__be16 sport;
	__be16 dport;
};

struct flow_state {
	struct bpf_spin_lock lock;
	__u32 last_state;
	__u32 srtt_us;
	__u64 packets;
	__u64 bytes;
	__u64 syns;
	__u64 fins;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, struct flow_key);
	__type(value, struct flow_state);
} flows SEC(".maps");

struct parsed {
	struct flow_key key;
	__u32 syn;
	__u32 fin;
};

__noinline int parse_tcp4(struct __sk_buff *skb, struct parsed *out)
{
	void *data, *data_end;
	struct ethhdr *eth;
	struct iphdr *iph;
	struct tcphdr *tcp;

	if (!skb || !out)
		return -1;
	data = (void *)(long)skb->data;
	data_end = (void *)(long)skb->data_end;
	eth = data;
	iph = (void *)(eth + 1);
	tcp = (void *)(iph + 1);
	if ((void *)(tcp + 1) > data_end)
		return -1;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->protocol != IPPROTO_TCP ||
	    iph->ihl != 5)
		return -1;
	out->key.saddr = iph->saddr;
	out->key.daddr = iph->daddr;
	out->key.sport = tcp->source;
	out->key.dport = tcp->dest;
	out->syn = tcp->syn;
	out->fin = tcp->fin;
	return 0;
}

SEC("tc")
int track_conn(struct __sk_buff *skb)
{
	struct flow_state init = {}, *st;
	struct bpf_sock_tuple tuple = {};
	struct parsed p = {};
	struct bpf_sock *sk;
	struct bpf_tcp_sock *tp;
	__u32 state = 0, srtt = 0;

	if (parse_tcp4(skb, &p))
		return TC_ACT_OK;

	/* the local socket: our address and port are the packet's destination */
	tuple.ipv4.saddr = p.key.saddr;
	tuple.ipv4.daddr = p.key.daddr;
	tuple.ipv4.sport = p.key.sport;
	tuple.ipv4.dport = p.key.dport;
	sk = bpf_skc_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), -1, 0);
	if (sk) {
		state = sk->state;
		tp = bpf_tcp_sock(sk);
		if (tp)
			srtt = tp->srtt_us >> 3;
		bpf_sk_release(sk);
	}

	st = bpf_map_lookup_elem(&flows, &p.key);
	if (!st) {
		bpf_map_update_elem(&flows, &p.key, &init, BPF_NOEXIST);
		st = bpf_map_lookup_elem(&flows, &p.key);
		if (!st)
			return TC_ACT_OK;
	}
	bpf_spin_lock(&st->lock);
	st->packets++;
	st->bytes += skb->len;
	st->syns += p.syn;
	st->fins += p.fin;
	if (state)
		st->last_state = state;
	if (srtt)
		st->srtt_us = srtt;
	bpf_spin_unlock(&st->lock);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
