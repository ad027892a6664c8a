// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a cgroup/recvmsg4 program that returns 0 to "drop" a datagram.
 * recvmsg hooks can only rewrite the source address; they must return 1,
 * and the verifier requires exactly [1, 1].
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

const volatile __u32 hidden_ip4 = 0x0100007f;

SEC("cgroup/recvmsg4")
int hide_source(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip4 == hidden_ip4)
		return 0;	/* meant: drop it */
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
