// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sysctl: refuse writes that set a value above 1024: the new value
 * is read as text with bpf_sysctl_get_new_value and parsed with
 * bpf_strtoul, then the file position is reset.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/sysctl")
int limit_value(struct bpf_sysctl *ctx)
{
	char buf[16] = {};
	unsigned long val = 0;
	long ret;

	if (!ctx->write)
		return 1;
	ret = bpf_sysctl_get_new_value(ctx, buf, sizeof(buf));
	if (ret < 0)
		return 0;
	ret = bpf_strtoul(buf, sizeof(buf), 0, &val);
	if (ret < 0)
		return 0;
	ctx->file_pos = 0;
	return val <= 1024;
}

char LICENSE[] SEC("license") = "GPL";
