// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed: the socket filter keeps its classification in skb->cb[0], the
 * only kind of __sk_buff field a socket filter may write.
 */
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP	0x0800
#define SMALL_PKT	128

SEC("socket")
int tag_small_ipv4(struct __sk_buff *skb)
{
	__u32 len = skb->len;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 0;		/* drop */
	if (len < SMALL_PKT)
		skb->cb[0] = len;
	return len;
}

char LICENSE[] SEC("license") = "GPL";
