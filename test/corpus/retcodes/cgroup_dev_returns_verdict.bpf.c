// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a cgroup/dev device-access policy returning a computed verdict
 * that is provably 0 or 1 (deny writes to block devices).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/dev")
int no_block_writes(struct bpf_cgroup_dev_ctx *ctx)
{
	__u32 type = ctx->access_type & 0xffff;
	__u32 access = ctx->access_type >> 16;

	if (type == 1 /* BPF_DEVCG_DEV_BLOCK */ && (access & 2 /* WRITE */))
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
