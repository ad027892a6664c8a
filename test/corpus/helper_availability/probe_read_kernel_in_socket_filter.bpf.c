// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_probe_read_kernel() in a socket filter.  A developer wants
 * the owning task's pid from skb->sk and reaches for the tracing helper;
 * socket filters get only the base helper set, which (observed, both
 * kernels) includes probe_read_kernel for a privileged loader.  An
 * unprivileged loader would be refused.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
int sock_owner(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	__u32 mark = 0;

	if (!sk)
		return -1;
	bpf_probe_read_kernel(&mark, sizeof(mark), (void *)sk);
	return mark ? -1 : 0;
}

char LICENSE[] SEC("license") = "GPL";
