// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sysctl: bpf_sysctl_get_name told the buffer is 64 bytes long
 * while only 32 bytes of stack are reserved for it.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/sysctl")
int name_overflow(struct bpf_sysctl *ctx)
{
	char name[32];

	if (bpf_sysctl_get_name(ctx, name, 64, 1) < 0)
		return 0;
	return name[0] == 'k';
}

char LICENSE[] SEC("license") = "GPL";
