// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a sleepable LSM program on inet_conn_established, which runs in
 * softirq context. 6.1.192 still lists the hook in its sleepable set and
 * accepts the program; the 2026 stable fix "bpf: Drop task_to_inode and
 * inet_conn_established from lsm sleepable hooks" (in 6.12.118) refuses
 * it ("bpf_lsm_inet_conn_established is not sleepable"). The live 6.18
 * build refuses LSM loads before verifying.
 */
// EXPECT: 6.1 accept, 6.12 reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u16);
	__type(value, __u64);
} conns_by_port SEC(".maps");

SEC("lsm.s/inet_conn_established")
int BPF_PROG(count_established, struct sock *sk, struct sk_buff *skb)
{
	__u16 port = sk->__sk_common.skc_num;
	__u64 one = 1, *cnt;

	cnt = bpf_map_lookup_elem(&conns_by_port, &port);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&conns_by_port, &port, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
