// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sysctl: turning a write into a read by clearing ctx->write.
 * write is read-only; only file_pos may be written.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/sysctl")
int make_readonly(struct bpf_sysctl *ctx)
{
	if (ctx->write)
		ctx->write = 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
