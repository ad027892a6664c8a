// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/recvmsg4: restoring the original DNS server address on replies,
 * a program that "denies" replies from unknown servers by returning 0. A
 * recvmsg4 program cannot deny: it must return 1.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/recvmsg4")
int dns_reply(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip4 != bpf_htonl(0x7f000035))
		return 0;
	ctx->user_ip4 = bpf_htonl(0x08080808);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
