// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/setsockopt: a filter that sets ctx->retval to report success,
 * as a getsockopt program would. retval is a getsockopt-only field: a
 * setsockopt program may change level, optname, optlen, not retval.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/setsockopt")
int swallow(struct bpf_sockopt *ctx)
{
	if (ctx->level == 6) {
		ctx->retval = 0;
		return 0;
	}
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
