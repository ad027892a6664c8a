// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/sendmsg6: redirect UDP to ::1 writing the IPv6 address as two
 * 64-bit words (user_ip6 allows 8-byte-aligned u64 stores).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/sendmsg6")
int to_loopback6(struct bpf_sock_addr *ctx)
{
	if (ctx->user_port != bpf_htons(53))
		return 1;
	*(__u64 *)&ctx->user_ip6[0] = 0;
	*(__u64 *)&ctx->user_ip6[2] = (__u64)bpf_htonl(1) << 32;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
