// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: sockops keeps per-socket state in sk storage; skops->sk may be
 * NULL, so it is checked before bpf_sk_storage_get().
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct conn_stat {
	__u64 established_ns;
	__u32 rtt_events;
};

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct conn_stat);
} conn_stats SEC(".maps");

SEC("sockops")
int track_rtt(struct bpf_sock_ops *skops)
{
	struct bpf_sock *sk = skops->sk;
	struct conn_stat *st;

	if (!sk)
		return 1;
	st = bpf_sk_storage_get(&conn_stats, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
	if (!st)
		return 1;
	if (skops->op == BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB)
		st->established_ns = bpf_ktime_get_ns();
	else if (skops->op == BPF_SOCK_OPS_RTT_CB)
		st->rtt_events++;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
