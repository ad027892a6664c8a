// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of lo_tail_call_subprog_stale_pkt: the static
 * subprogram bounds-checks the payload byte it reads after a failed tail
 * call, and the caller reloads skb->data and checks the bounds again
 * after the call (a tail call may have changed the packet). Accepted by
 * every kernel; on 6.18 the successful tail call is followed as the
 * subprogram's return.
 */
// EXPECT: accept
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

static __noinline int next_stage(struct __sk_buff *skb)
{
	void *data, *data_end;
	__u8 *first;

	bpf_tail_call(skb, &stages, 1);
	data = (void *)(long)skb->data;
	data_end = (void *)(long)skb->data_end;
	first = data + sizeof(struct ethhdr);
	if ((void *)(first + 1) > data_end)
		return 0;
	return *first;
}

SEC("tc")
int tc_stage0(struct __sk_buff *skb)
{
	struct ethhdr *eth;
	void *data_end;
	int r;

	r = next_stage(skb);
	eth = (void *)(long)skb->data;
	data_end = (void *)(long)skb->data_end;
	if ((void *)(eth + 1) > data_end)
		return 0;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return 0;
	return r;
}

char LICENSE[] SEC("license") = "GPL";
