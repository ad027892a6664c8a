// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: writing past the end of struct bpf_flow_keys (a flow label one
 * u32 too far, from an index that went wrong) is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define BPF_OK 0

SEC("flow_dissector")
int keys_oob(struct __sk_buff *skb)
{
	struct bpf_flow_keys *keys = skb->flow_keys;

	((__u32 *)keys)[sizeof(*keys) / 4] = 0;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
