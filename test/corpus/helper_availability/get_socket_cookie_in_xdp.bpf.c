// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_socket_cookie() in XDP.  There is no socket yet when XDP
 * runs (it is before the stack), so the helper is not offered; the same
 * call is fine in tc or cgroup_skb.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int by_cookie(struct xdp_md *ctx)
{
	__u64 cookie = bpf_get_socket_cookie(ctx);

	return cookie == 42 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
