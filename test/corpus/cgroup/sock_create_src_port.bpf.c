// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sock_create: a port policy written for post_bind4 attached at
 * socket creation reads src_port. The address and port fields exist only
 * for post_bind programs; at creation the socket has none.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/sock_create")
int port_at_create(struct bpf_sock *sk)
{
	if (sk->src_port == 22)
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
