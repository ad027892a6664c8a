// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: sockops must add sockets to a sockmap with bpf_sock_map_update();
 * the generic bpf_map_update_elem() (with skops->sk as the value) is
 * refused in this context.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, __u64);
} socks SEC(".maps");

SEC("sockops")
int add_sock(struct bpf_sock_ops *skops)
{
	struct bpf_sock *sk = skops->sk;
	__u32 slot = skops->local_port & 127;

	if (!sk || skops->op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB)
		return 1;
	bpf_map_update_elem(&socks, &slot, sk, BPF_ANY);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
