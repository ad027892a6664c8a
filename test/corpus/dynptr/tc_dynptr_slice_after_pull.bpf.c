// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: helpers that change packet data (bpf_skb_pull_data) invalidate
 * the slices of skb dynptrs: the Ethernet header slice is used after the
 * pull.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: reject on 6.12 and 6.18; load_error on 6.1 (no such kfuncs)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK	0

extern int bpf_dynptr_from_skb(struct __sk_buff *skb, __u64 flags,
			       struct bpf_dynptr *ptr) __ksym;
extern void *bpf_dynptr_slice(const struct bpf_dynptr *ptr, __u32 offset,
			      void *buffer, __u32 buffer__szk) __ksym;

SEC("tc")
int tc_pull(struct __sk_buff *skb)
{
	struct bpf_dynptr pkt;
	struct ethhdr ebuf, *eth;

	if (bpf_dynptr_from_skb(skb, 0, &pkt))
		return TC_ACT_OK;
	eth = bpf_dynptr_slice(&pkt, 0, &ebuf, sizeof(ebuf));
	if (!eth)
		return TC_ACT_OK;
	bpf_skb_pull_data(skb, 64);
	/* BUG: the pull invalidated eth */
	return eth->h_proto == bpf_htons(0x0800) ? 1 : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
