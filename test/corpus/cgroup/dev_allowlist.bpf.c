// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/dev: the device allow-list a container runtime installs: char
 * devices null, zero, full, random, urandom, tty and the pts range; every
 * access to anything else is denied.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define DEV_CHAR 2  /* BPF_DEVCG_DEV_CHAR */

SEC("cgroup/dev")
int dev_allow(struct bpf_cgroup_dev_ctx *ctx)
{
	__u32 type = ctx->access_type & 0xffff;
	__u32 major = ctx->major, minor = ctx->minor;

	if (type != DEV_CHAR)
		return 0;
	if (major == 1 && (minor == 3 || minor == 5 || minor == 7 || minor == 8 || minor == 9))
		return 1;
	if (major == 5 && minor <= 2)
		return 1;
	if (major == 136)
		return 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
