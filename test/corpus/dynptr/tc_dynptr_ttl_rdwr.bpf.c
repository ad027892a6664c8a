// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tc egress program that decrements the IPv4 TTL through a
 * writable skb dynptr slice (bpf_dynptr_from_skb + bpf_dynptr_slice_rdwr,
 * kfuncs since 6.3): tc may write packet data.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.12 and 6.18; load_error on 6.1 (no such kfuncs)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP	0x0800
#define TC_ACT_OK	0
#define TC_ACT_SHOT	2

extern int bpf_dynptr_from_skb(struct __sk_buff *skb, __u64 flags,
			       struct bpf_dynptr *ptr) __ksym;
extern void *bpf_dynptr_slice(const struct bpf_dynptr *ptr, __u32 offset,
			      void *buffer, __u32 buffer__szk) __ksym;
extern void *bpf_dynptr_slice_rdwr(const struct bpf_dynptr *ptr, __u32 offset,
				   void *buffer, __u32 buffer__szk) __ksym;

SEC("tc")
int tc_ttl_dec(struct __sk_buff *skb)
{
	struct bpf_dynptr pkt;
	struct ethhdr ebuf, *eth;
	struct iphdr ibuf, *ip;

	if (bpf_dynptr_from_skb(skb, 0, &pkt))
		return TC_ACT_OK;
	eth = bpf_dynptr_slice(&pkt, 0, &ebuf, sizeof(ebuf));
	if (!eth || eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	ip = bpf_dynptr_slice_rdwr(&pkt, sizeof(*eth), &ibuf, sizeof(ibuf));
	if (!ip)
		return TC_ACT_OK;
	if (ip->ttl <= 1)
		return TC_ACT_SHOT;
	ip->ttl--;
	if (ip == &ibuf)   /* the slice was copied out: write it back */
		bpf_dynptr_write(&pkt, sizeof(*eth), &ibuf, sizeof(ibuf), 0);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
