// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/connect4: a policy that tries to turn a TCP connect into UDP by
 * writing ctx->type. Only user_ip4, user_port (and for sendmsg4
 * msg_src_ip4) are writable in a connect4 program; family, type and
 * protocol are read-only.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/connect4")
int force_udp(struct bpf_sock_addr *ctx)
{
	if (ctx->type == 1)
		ctx->type = 2;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
