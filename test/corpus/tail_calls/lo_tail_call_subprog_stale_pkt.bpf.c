// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a static subprogram tries to hand the packet to the next stage
 * with a tail call and, when that fails, reads the byte after the
 * Ethernet header without a bounds check; the caller then reuses its
 * Ethernet header pointer after the call. Both paths are wrong, and
 * which one a kernel reports shows its walk order:
 * - 6.18 treats a successful tail call in a subprogram as its return,
 *   with packet pointers invalidated, and walks that return first: the
 *   caller's read of eth->h_proto fails (R? invalid mem access 'scalar');
 * - 6.12 invalidates packet pointers at the tail call itself: the
 *   subprogram's read fails on the invalidated pointer;
 * - 6.1 keeps them: the unchecked read past the header fails.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} stages SEC(".maps");

static __noinline int next_stage(struct __sk_buff *skb, struct ethhdr *eth)
{
	bpf_tail_call(skb, &stages, 1);
	/* no next stage: classify by the first payload byte */
	return *((__u8 *)(eth + 1));	/* BUG: not bounds-checked */
}

SEC("tc")
int tc_stage0(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	int r;

	if ((void *)(eth + 1) > data_end)
		return 0;
	r = next_stage(skb, eth);
	if (eth->h_proto != bpf_htons(ETH_P_IP))	/* BUG: eth is stale */
		return 0;
	return r;
}

char LICENSE[] SEC("license") = "GPL";
