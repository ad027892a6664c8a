// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: skops->sk may be NULL (request sockets, some callbacks); this
 * sockops program reads the socket's state without checking.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} states SEC(".maps");

SEC("sockops")
int count_states(struct bpf_sock_ops *skops)
{
	struct bpf_sock *sk = skops->sk;
	__u32 st = sk->state & 15;
	__u64 *cnt = bpf_map_lookup_elem(&states, &st);

	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
