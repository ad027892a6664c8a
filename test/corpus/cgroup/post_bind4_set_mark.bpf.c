// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/post_bind4: marking sockets bound to port 53 for policy routing.
 * mark, priority and bound_dev_if are writable only at socket creation
 * and release, not after bind.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/post_bind4")
int mark_dns(struct bpf_sock *sk)
{
	if (sk->src_port == 53)
		sk->mark = 0x35;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
