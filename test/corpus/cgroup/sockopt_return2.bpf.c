// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/setsockopt: returning 2 to mean "handled" as in some older
 * out-of-tree docs. setsockopt programs return 0 (reject with EPERM) or 1.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/setsockopt")
int handled(struct bpf_sockopt *ctx)
{
	if (ctx->optname == 42)
		return 2;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
