// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/getsockopt: read the socket's family through ctx->sk without a
 * NULL check. bpf_sockopt->sk is a full socket pointer that is never
 * NULL, so the read is allowed.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/getsockopt")
int sk_family(struct bpf_sockopt *ctx)
{
	struct bpf_sock *sk = ctx->sk;

	if (sk->family == 10 && ctx->level == 41)
		ctx->retval = 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
