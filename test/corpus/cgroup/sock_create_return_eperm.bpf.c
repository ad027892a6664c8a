// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sock_create: denying with -1 (as if returning -EPERM) instead of
 * 0. cgroup/sock programs return 0 (deny) or 1 (allow).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/sock_create")
int deny_eperm(struct bpf_sock *sk)
{
	if (sk->type == 3)
		return -1;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
