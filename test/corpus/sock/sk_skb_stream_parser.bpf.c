// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: the simplest stream parser: every skb is one record (returns its
 * length). Reading skb->len is allowed; nothing else is touched.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("sk_skb/stream_parser")
int prog_parser(struct __sk_buff *skb)
{
	return skb->len;
}

char LICENSE[] SEC("license") = "GPL";
