// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: an sk_skb/verdict program (BPF_SK_SKB_VERDICT, attached to a
 * sockmap for both TCP and UDP sockets) that steers each message to the
 * socket registered for its local port, or passes it up the stack: the
 * skeleton of a sockmap-based proxy.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} backends SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} port_to_slot SEC(".maps");

SEC("sk_skb/verdict")
int steer(struct __sk_buff *skb)
{
	__u32 port = skb->local_port;
	__u32 *slot;

	if (skb->len == 0)
		return SK_DROP;
	slot = bpf_map_lookup_elem(&port_to_slot, &port);
	if (!slot)
		return SK_PASS;
	return bpf_sk_redirect_map(skb, &backends, *slot, 0);
}

char LICENSE[] SEC("license") = "GPL";
