// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/recvmsg4: the reply half of a DNS redirect: replies from the
 * local cache appear to come from the original server and port.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/recvmsg4")
int dns_restore(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip4 == bpf_htonl(0x7f000035) && ctx->user_port == bpf_htons(5353)) {
		ctx->user_ip4 = bpf_htonl(0x08080808);
		ctx->user_port = bpf_htons(53);
	}
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
