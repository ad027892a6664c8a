// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a cgroup/dev program that returns the access bits it allows
 * (`return access & allowed_mask;`) as if the hook took a mask; it takes
 * a 0/1 verdict, and the masked value can be up to 7.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

const volatile __u32 allowed_mask = 3;	/* mknod + read */

SEC("cgroup/dev")
int mask_access(struct bpf_cgroup_dev_ctx *ctx)
{
	__u32 access = ctx->access_type >> 16;

	return access & 7 & allowed_mask;
}

char LICENSE[] SEC("license") = "GPL";
