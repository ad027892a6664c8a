// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a cgroup_skb egress filter reading the IPv4 header through a
 * read-only skb dynptr slice: drops packets to port-less protocols other
 * than TCP, UDP and ICMP.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.12 and 6.18; load_error on 6.1 (no such kfuncs)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern int bpf_dynptr_from_skb(struct __sk_buff *skb, __u64 flags,
			       struct bpf_dynptr *ptr) __ksym;
extern void *bpf_dynptr_slice(const struct bpf_dynptr *ptr, __u32 offset,
			      void *buffer, __u32 buffer__szk) __ksym;

SEC("cgroup_skb/egress")
int egress_filter(struct __sk_buff *skb)
{
	struct bpf_dynptr pkt;
	struct iphdr ibuf, *ip;

	if (skb->protocol != __builtin_bswap16(0x0800))
		return 1;
	if (bpf_dynptr_from_skb(skb, 0, &pkt))
		return 1;
	ip = bpf_dynptr_slice(&pkt, 0, &ibuf, sizeof(ibuf));
	if (!ip)
		return 1;
	switch (ip->protocol) {
	case 1: case 6: case 17:
		return 1;
	default:
		return 0;
	}
}

char LICENSE[] SEC("license") = "GPL";
