// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a sockops program must return 0 or 1 (check_return_code); this one
 * returns 2 on the RTT callback.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("sockops")
int bad_ret(struct bpf_sock_ops *skops)
{
	if (skops->op == BPF_SOCK_OPS_RTT_CB)
		return 2;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
