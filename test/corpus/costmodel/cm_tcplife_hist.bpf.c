// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tcplife-style tracer on sock:inet_sock_set_state (a larger
 * program with several loops): the connection's birth time is kept per
 * socket; on close the lifetime's log2 slot is found by a bounded loop,
 * the owning task's comm is checked against up to 8 ignored names kept
 * in a map value (outer loop over names, inner strncmp-like loop with
 * early break), and the bytes acked/received are folded into a per-port
 * bucket by a loop that walks up to 4 configured port ranges.  Results
 * go to per-CPU histograms and a ring buffer event.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#define TASK_COMM_LEN 16
#define MAX_IGNORED 8
#define MAX_SLOTS 32
#define MAX_PORT_RANGES 4
#define AF_INET 2
#define AF_INET6 10
#define IPPROTO_TCP 6

struct ignore_cfg {
	__u32 nr;
	char comm[MAX_IGNORED][TASK_COMM_LEN];
	__u16 port_lo[MAX_PORT_RANGES];
	__u16 port_hi[MAX_PORT_RANGES];
};

struct life_hist {
	__u64 slot[MAX_SLOTS];
	__u64 bytes[MAX_PORT_RANGES + 1];
};

struct life_event {
	__u64 span_us;
	__u64 rx_b;
	__u64 tx_b;
	__u32 pid;
	__u16 sport;
	__u16 dport;
	char comm[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, struct sock *);
	__type(value, __u64);
} birth SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ignore_cfg);
} ignore SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct life_hist);
} hist SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

static __always_inline int comm_ignored(struct ignore_cfg *cfg, const char *comm)
{
	int n, j;

	for (n = 0; n < MAX_IGNORED && n < cfg->nr; n++) {
		int same = 1;

		for (j = 0; j < TASK_COMM_LEN; j++) {
			if (cfg->comm[n][j] != comm[j]) {
				same = 0;
				break;
			}
			if (!comm[j])
				break;
		}
		if (same)
			return 1;
	}
	return 0;
}

SEC("tracepoint/sock/inet_sock_set_state")
int inet_sock_set_state(struct trace_event_raw_inet_sock_set_state *args)
{
	struct sock *sk = (struct sock *)args->skaddr;
	struct ignore_cfg *cfg;
	struct life_hist *h;
	struct life_event *e;
	struct tcp_sock *tp;
	__u64 ts, *start, span;
	__u32 zero = 0, slot = 0, bucket = MAX_PORT_RANGES;
	__u16 dport;
	char comm[TASK_COMM_LEN];
	int i;

	if (args->protocol != IPPROTO_TCP)
		return 0;
	if (args->family != AF_INET && args->family != AF_INET6)
		return 0;
	if (args->newstate < TCP_FIN_WAIT1) {
		ts = bpf_ktime_get_ns();
		bpf_map_update_elem(&birth, &sk, &ts, BPF_ANY);
		return 0;
	}
	if (args->newstate != TCP_CLOSE)
		return 0;
	start = bpf_map_lookup_elem(&birth, &sk);
	if (!start)
		return 0;
	span = (bpf_ktime_get_ns() - *start) / 1000;
	bpf_map_delete_elem(&birth, &sk);

	cfg = bpf_map_lookup_elem(&ignore, &zero);
	h = bpf_map_lookup_elem(&hist, &zero);
	if (!cfg || !h)
		return 0;
	bpf_get_current_comm(comm, sizeof(comm));
	if (comm_ignored(cfg, comm))
		return 0;

	for (i = 0; i < 64; i++) {
		if ((span >> i) <= 1)
			break;
		slot++;
	}
	if (slot >= MAX_SLOTS)
		slot = MAX_SLOTS - 1;
	h->slot[slot]++;

	dport = args->dport;
	for (i = 0; i < MAX_PORT_RANGES; i++) {
		if (dport >= cfg->port_lo[i] && dport <= cfg->port_hi[i]) {
			bucket = i;
			break;
		}
	}
	tp = (struct tcp_sock *)sk;
	if (bucket <= MAX_PORT_RANGES)
		h->bytes[bucket] += BPF_CORE_READ(tp, bytes_acked);

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->span_us = span;
	e->rx_b = BPF_CORE_READ(tp, bytes_received);
	e->tx_b = BPF_CORE_READ(tp, bytes_acked);
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->sport = args->sport;
	e->dport = dport;
	__builtin_memcpy(e->comm, comm, sizeof(comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
