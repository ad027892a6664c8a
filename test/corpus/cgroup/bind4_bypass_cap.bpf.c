// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/bind4: grant the service port to an unprivileged daemon by
 * returning 3 (allow, and skip the CAP_NET_BIND_SERVICE check). bind4/6
 * programs may return 0..3 where the kernel supports it.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/bind4")
int bind_grant(struct bpf_sock_addr *ctx)
{
	if (ctx->user_port == bpf_htons(443))
		return 3;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
