// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: a tc ingress program that reads the Ethernet and IPv4 headers
 * through an skb dynptr (bpf_dynptr_from_skb + bpf_dynptr_slice kfuncs,
 * new in 6.3) and counts packets per IP protocol.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.12 and 6.18; load_error on 6.1 (no such kfuncs)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP	0x0800
#define TC_ACT_OK	0

extern int bpf_dynptr_from_skb(struct __sk_buff *skb, __u64 flags,
			       struct bpf_dynptr *ptr) __ksym;
extern void *bpf_dynptr_slice(const struct bpf_dynptr *ptr, __u32 offset,
			      void *buffer, __u32 buffer__szk) __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} per_proto SEC(".maps");

SEC("tc")
int tc_dynptr_parse(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	struct ethhdr ebuf, *eth;
	struct iphdr ibuf, *ip;
	__u32 proto;
	__u64 *n;

	if (bpf_dynptr_from_skb(skb, 0, &ptr))
		return TC_ACT_OK;
	eth = bpf_dynptr_slice(&ptr, 0, &ebuf, sizeof(ebuf));
	if (!eth || eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	ip = bpf_dynptr_slice(&ptr, sizeof(*eth), &ibuf, sizeof(ibuf));
	if (!ip)
		return TC_ACT_OK;
	proto = ip->protocol;
	n = bpf_map_lookup_elem(&per_proto, &proto);
	if (n)
		__sync_fetch_and_add(n, 1);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
