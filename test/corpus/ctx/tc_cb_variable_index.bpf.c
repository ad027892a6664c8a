// SPDX-License-Identifier: GPL-2.0
/*
 * Context: per-queue scratch values in skb->cb[], indexed by the packet's
 * queue_mapping (masked into 0..4).  Context fields are rewritten by the
 * verifier at fixed offsets, so the context may not be accessed at a
 * variable offset, even a bounded one.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0

SEC("tc")
int cb_per_queue(struct __sk_buff *skb)
{
	__u32 q = skb->queue_mapping % 5;

	skb->cb[q] = skb->len;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
