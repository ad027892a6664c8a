// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/bind4: only uid 0 may bind ports below 1024; everyone else is
 * denied. Reads the port narrowly (u16) as many policies do.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/bind4")
int bind_policy(struct bpf_sock_addr *ctx)
{
	__u16 port = bpf_ntohs(ctx->user_port);
	__u32 uid = (__u32)bpf_get_current_uid_gid();

	if (port && port < 1024 && uid != 0)
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
