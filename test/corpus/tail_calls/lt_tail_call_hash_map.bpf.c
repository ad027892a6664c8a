// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the jump table is a BPF_MAP_TYPE_HASH keyed by port holding
 * program ids (a design that cannot work: only a prog array can be
 * tail-called through). 6.1 and 6.12 say "kernel subsystem misconfigured
 * verifier", 6.18 "expected prog array map for tail call".
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} port_handlers SEC(".maps");

SEC("socket")
int sock_dispatch(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &port_handlers, skb->len & 63);
	return skb->len;
}

char LICENSE[] SEC("license") = "GPL";
