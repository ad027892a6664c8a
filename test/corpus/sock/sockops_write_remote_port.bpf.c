// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a sockops program tries to rewrite the remote port; only reply and
 * sk_txhash of struct bpf_sock_ops are writable, so the store is rejected.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("sockops")
int rewrite_port(struct bpf_sock_ops *skops)
{
	if (skops->op == BPF_SOCK_OPS_TCP_CONNECT_CB)
		skops->remote_port = 8080;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
