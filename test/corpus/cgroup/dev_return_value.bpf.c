// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/dev: returning -EPERM instead of 0 to deny. cgroup/dev programs
 * return 0 (deny) or 1 (allow).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/dev")
int dev_eperm(struct bpf_cgroup_dev_ctx *ctx)
{
	if (ctx->major == 10)
		return -1;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
