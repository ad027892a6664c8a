// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/setsockopt: clamp SO_SNDBUF requests to 1 MiB by rewriting the
 * option value in place (bounds-checked), and refuse IP_TOS changes.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SOL_SOCKET 1
#define SO_SNDBUF 7
#define SOL_IP 0
#define IP_TOS 1

SEC("cgroup/setsockopt")
int clamp_sndbuf(struct bpf_sockopt *ctx)
{
	int *optval = ctx->optval;
	int *optval_end = ctx->optval_end;

	if (ctx->level == SOL_IP && ctx->optname == IP_TOS)
		return 0;
	if (ctx->level != SOL_SOCKET || ctx->optname != SO_SNDBUF)
		return 1;
	if (optval + 1 > optval_end)
		return 1;
	if (*optval > (1 << 20))
		*optval = 1 << 20;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
