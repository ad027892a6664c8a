// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/setsockopt: when an application turns on TCP_NODELAY, also set
 * the socket's congestion control with bpf_setsockopt on ctx->sk (the
 * socket-level helper cgroup/setsockopt programs may call).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SOL_TCP 6
#define TCP_NODELAY 1
#define TCP_CONGESTION 13

SEC("cgroup/setsockopt")
int force_cc(struct bpf_sockopt *ctx)
{
	char cc[] = "cubic";
	struct bpf_sock *sk = ctx->sk;

	if (ctx->level != SOL_TCP || ctx->optname != TCP_NODELAY)
		return 1;
	bpf_setsockopt(sk, SOL_TCP, TCP_CONGESTION, cc, sizeof(cc));
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
