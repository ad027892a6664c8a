// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: sk_skb programs may not touch skb->mark (sk_skb_is_valid_access
 * refuses it for reads and writes alike); this verdict program reads it.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SK_DROP 0
#define SK_PASS 1

SEC("sk_skb/stream_verdict")
int mark_filter(struct __sk_buff *skb)
{
	return skb->mark == 0x42 ? SK_DROP : SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
