// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sysctl: override writes to a tunable with a fixed value using
 * bpf_sysctl_set_new_value from a constant string; the current value is
 * read first into a buffer for comparison.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/sysctl")
int pin_value(struct bpf_sysctl *ctx)
{
	char cur[8];
	char fixed[] = "600";

	if (!ctx->write)
		return 1;
	if (bpf_sysctl_get_current_value(ctx, cur, sizeof(cur)) < 0)
		return 0;
	if (cur[0] == '6')
		return 0;
	bpf_sysctl_set_new_value(ctx, fixed, sizeof(fixed) - 1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
