// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/connect4: force outgoing TCP connections to a source address by
 * calling bpf_bind on the context before the connect, as
 * test_sock_addr does, with a sockaddr built on the stack.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/connect4")
int bind_source(struct bpf_sock_addr *ctx)
{
	struct sockaddr_in sa = {};

	if (ctx->type != 1)
		return 1;
	sa.sin_family = 2;
	sa.sin_port = 0;
	sa.sin_addr.s_addr = bpf_htonl(0x7f000004);
	if (bpf_bind(ctx, (struct sockaddr *)&sa, sizeof(sa)) != 0)
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
