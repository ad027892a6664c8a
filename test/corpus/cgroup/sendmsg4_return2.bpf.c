// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sendmsg4: a policy that returns 2 for "allow and log". A sendmsg4
 * program may only return 0 (deny) or 1 (allow).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/sendmsg4")
int sendmsg_log(struct bpf_sock_addr *ctx)
{
	if (ctx->user_port == bpf_htons(514))
		return 2;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
