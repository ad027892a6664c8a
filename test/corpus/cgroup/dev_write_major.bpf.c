// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/dev: a program that tries to "map" one device onto another by
 * writing ctx->minor. The device context is read-only.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/dev")
int dev_remap(struct bpf_cgroup_dev_ctx *ctx)
{
	if (ctx->major == 1 && ctx->minor == 8)
		ctx->minor = 9;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
