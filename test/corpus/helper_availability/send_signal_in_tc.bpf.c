// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_send_signal() from a tc program, to kill the process that
 * sends forbidden traffic.  The helper acts on "current"; 6.1 offers it
 * only to tracing program types, 6.18 (observed) also to tc.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("tc")
int kill_sender(struct __sk_buff *skb)
{
	if (skb->protocol == bpf_htons(0x86dd))
		return 0;
	bpf_send_signal(9);
	return 2;
}

char LICENSE[] SEC("license") = "GPL";
