// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/getsockopt: report a fixed TCP congestion control name to the
 * application and clear the kernel's error, with the bounds check on
 * optval/optval_end that every sockopt program needs.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SOL_TCP 6
#define TCP_CONGESTION 13

SEC("cgroup/getsockopt")
int fake_cc(struct bpf_sockopt *ctx)
{
	char *optval = ctx->optval;
	char *optval_end = ctx->optval_end;

	if (ctx->level != SOL_TCP || ctx->optname != TCP_CONGESTION)
		return 1;
	if (optval + 5 > optval_end)
		return 1;
	optval[0] = 'c';
	optval[1] = 'u';
	optval[2] = 'b';
	optval[3] = 'i';
	optval[4] = 'c';
	ctx->optlen = 5;
	ctx->retval = 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
