// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/connect6: let connections to ::1 through untouched and deny
 * IPv4-mapped addresses (::ffff:a.b.c.d), reading user_ip6 as two u64
 * words (aligned u64 loads inside user_ip6 are allowed).
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/connect6")
int no_mapped(struct bpf_sock_addr *ctx)
{
	__u64 hi = *(volatile __u64 *)&ctx->user_ip6[0];
	__u64 lo = *(volatile __u64 *)&ctx->user_ip6[2];

	if (hi == 0 && lo == (__u64)bpf_htonl(1) << 32)
		return 1;
	if (hi == 0 && (__u32)lo == bpf_htonl(0xffff))
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
