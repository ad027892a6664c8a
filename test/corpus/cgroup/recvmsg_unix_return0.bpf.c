// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/recvmsg_unix: a filter that tries to drop datagrams from unknown
 * unix peers by returning 0. recvmsg hooks cannot deny (R0 must be 1);
 * kernels before 6.7 do not have the attach type at all.
 */
// EXPECT: reject on 6.12 and 6.18; load_error on 6.1 (no unix sock_addr attach types)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/recvmsg_unix")
int drop_unknown(struct bpf_sock_addr *ctx)
{
	if (ctx->user_family != 1)
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
