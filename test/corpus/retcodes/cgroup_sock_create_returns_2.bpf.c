// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a cgroup/sock_create program returning 2.  Socket-creation hooks
 * allow (1) or deny (0); someone returned an errno-like value.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/sock_create")
int no_raw_sockets(struct bpf_sock *sk)
{
	if (sk->type == 3 /* SOCK_RAW */)
		return 2;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
