// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/getpeername4: hide the proxy by reporting the original peer,
 * but deny (return 0) when no original is known. getpeername programs
 * must return 1.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/getpeername4")
int hide_proxy(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip4 != bpf_htonl(0x7f000001))
		return 0;
	ctx->user_ip4 = bpf_htonl(0x0a600001);
	ctx->user_port = bpf_htons(80);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
