// SPDX-License-Identifier: GPL-2.0
/*
 * Tests (rejected twin of lt_tcp_retransmit_tracer): a TCP retransmission tracer the way tcpretrans-like tools write it,
 * on kprobe/tcp_retransmit_skb (BPF_KPROBE): the socket's addresses, ports,
 * state and congestion data are read with BPF_CORE_READ from struct sock /
 * struct tcp_sock; a static __noinline subprogram fills the address part of
 * the ring buffer record for IPv4 or IPv6 and reports whether the family is
 * one it knows. Per-state counts are kept in an array map. The bug: an
 * unknown family returns without discarding the reservation (a leak).
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define AF_INET 2
#define AF_INET6 10
#define TCP_STATE_MAX 16

struct retrans_event {
	__u64 ts;
	__u32 pid;
	__u16 family;
	__u16 sport;
	__u16 dport;
	__u8 state;
	__u8 pad;
	__u32 snd_cwnd;
	__u32 srtt_us;
	__u32 total_retrans;
	__u8 saddr[16];
	__u8 daddr[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} retrans_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, TCP_STATE_MAX);
	__type(key, __u32);
	__type(value, __u64);
} by_state SEC(".maps");

const volatile bool ipv4_only = false;

/* 0 when the family is known and the addresses were filled */
static __noinline int fill_addrs(struct retrans_event *e, struct sock *sk)
{
	__u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);

	e->family = family;
	if (family == AF_INET) {
		bpf_core_read(e->saddr, 4, &sk->__sk_common.skc_rcv_saddr);
		bpf_core_read(e->daddr, 4, &sk->__sk_common.skc_daddr);
		return 0;
	}
	if (family == AF_INET6 && !ipv4_only) {
		bpf_core_read(e->saddr, 16,
			      &sk->__sk_common.skc_v6_rcv_saddr.in6_u.u6_addr8);
		bpf_core_read(e->daddr, 16,
			      &sk->__sk_common.skc_v6_daddr.in6_u.u6_addr8);
		return 0;
	}
	return -1;
}

SEC("kprobe/tcp_retransmit_skb")
int BPF_KPROBE(trace_retransmit, struct sock *sk, struct sk_buff *skb, int segs)
{
	struct tcp_sock *tp = (struct tcp_sock *)sk;
	struct retrans_event *e;
	__u32 state;
	__u64 *cnt;

	state = BPF_CORE_READ(sk, __sk_common.skc_state);
	if (state < TCP_STATE_MAX) {
		cnt = bpf_map_lookup_elem(&by_state, &state);
		if (cnt)
			__sync_fetch_and_add(cnt, 1);
	}
	e = bpf_ringbuf_reserve(&retrans_events, sizeof(*e), 0);
	if (!e)
		return 0;
	if (fill_addrs(e, sk))
		return 0;
	e->ts = bpf_ktime_get_ns();
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->state = state;
	e->sport = BPF_CORE_READ(sk, __sk_common.skc_num);
	e->dport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	e->snd_cwnd = BPF_CORE_READ(tp, snd_cwnd);
	e->srtt_us = BPF_CORE_READ(tp, srtt_us) >> 3;
	e->total_retrans = BPF_CORE_READ(tp, total_retrans);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
