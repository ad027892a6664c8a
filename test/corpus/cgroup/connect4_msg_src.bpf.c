// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/connect4: the DNS redirect of a sendmsg4 program pasted into a
 * connect4 hook also sets msg_src_ip4, a field only sendmsg4 programs may
 * access.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/connect4")
int dns_connect(struct bpf_sock_addr *ctx)
{
	if (ctx->user_port != bpf_htons(53))
		return 1;
	ctx->user_ip4 = bpf_htonl(0x7f000035);
	ctx->msg_src_ip4 = bpf_htonl(0x7f000001);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
