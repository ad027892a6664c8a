// SPDX-License-Identifier: GPL-2.0
/*
 * Context: the socket filter of socket_write_mark.bpf.c keeps its scratch
 * value in skb->cb[0] instead, the one writable __sk_buff area of socket
 * filters.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
int sock_tag(struct __sk_buff *skb)
{
	if (skb->len < 64)
		return 0;
	skb->cb[0] = 0x100;
	return skb->len;
}

char LICENSE[] SEC("license") = "GPL";
