// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tc program keeps a pointer into the packet across a
 * bpf_tail_call that may fail and reads through it afterwards. Kernels
 * that count bpf_tail_call among the helpers that change packet data
 * (6.12's stable backport) invalidate the pointer; 6.1 and 6.18 do not
 * in the main program.
 * EXPECT: 6.1 accept, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 8);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} by_proto SEC(".maps");

SEC("tc")
int tc_classify(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);

	if ((void *)(ip + 1) > data_end)
		return 0;
	if (eth->h_proto != bpf_htons(0x0800))
		return 0;
	bpf_tail_call(skb, &by_proto, ip->protocol & 7);
	/* no stage for it: look at the TTL ourselves */
	return ip->ttl <= 1 ? 2 : 0;
}

char LICENSE[] SEC("license") = "GPL";
