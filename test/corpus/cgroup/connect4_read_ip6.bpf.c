// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/connect4: a dual-stack helper copied into an IPv4-only hook reads
 * user_ip6[0]. The IPv6 address fields exist only for the *6 attach types:
 * a connect4 program may not touch them.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/connect4")
int dual_stack(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip6[0] == 0)
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
