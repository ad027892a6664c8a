// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sysctl: a container may read every sysctl but write only under
 * net/ipv4/: the program reads the full name with bpf_sysctl_get_name
 * and compares the prefix.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/sysctl")
int sysctl_policy(struct bpf_sysctl *ctx)
{
	char name[16] = {};
	long ret;

	if (!ctx->write)
		return 1;
	ret = bpf_sysctl_get_name(ctx, name, sizeof(name), 0);
	if (ret < 0)
		return 0;
	if (name[0] == 'n' && name[1] == 'e' && name[2] == 't' && name[3] == '/' &&
	    name[4] == 'i' && name[5] == 'p' && name[6] == 'v' && name[7] == '4')
		return 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
