// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sock_create: deny raw and packet sockets to a container and
 * mark every other socket for the container's routing table.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SOCK_RAW 3
#define AF_PACKET 17

SEC("cgroup/sock_create")
int deny_raw(struct bpf_sock *sk)
{
	if (sk->type == SOCK_RAW || sk->family == AF_PACKET)
		return 0;
	sk->mark = 0x100;
	sk->priority = 6;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
