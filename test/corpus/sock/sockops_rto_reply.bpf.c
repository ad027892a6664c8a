// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: the tcp_rto sockops example: answers BPF_SOCK_OPS_TIMEOUT_INIT
 * through skops->reply, sets the RTT callback flag with
 * bpf_sock_ops_cb_flags_set(), and sets sk_txhash.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("sockops")
int tcp_rto(struct bpf_sock_ops *skops)
{
	int rv = -1;

	switch (skops->op) {
	case BPF_SOCK_OPS_TIMEOUT_INIT:
		rv = 10;
		break;
	case BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB:
		bpf_sock_ops_cb_flags_set(skops, BPF_SOCK_OPS_RTT_CB_FLAG);
		skops->sk_txhash = bpf_get_prandom_u32();
		rv = 0;
		break;
	}
	skops->reply = rv;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
