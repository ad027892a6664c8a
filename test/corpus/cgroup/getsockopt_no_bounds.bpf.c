// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/getsockopt: the same filter without the optval_end check: optval
 * is packet-like memory whose size is known only after comparing it with
 * optval_end, so the read is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SOL_SOCKET 1
#define SO_MARK 36

SEC("cgroup/getsockopt")
int read_mark(struct bpf_sockopt *ctx)
{
	__u32 *optval = ctx->optval;

	if (ctx->level != SOL_SOCKET || ctx->optname != SO_MARK)
		return 1;
	if (*optval == 0)
		ctx->retval = -1;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
