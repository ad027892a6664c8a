// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: per-cgroup rate limits kept in a hash of maps, the way container
 * policy agents keep one inner table per tenant: the outer map is keyed
 * by cgroup id and holds an array of per-protocol packet budgets. The
 * outer lookup yields the inner map (checked for NULL), which is then
 * used as the map argument of the inner lookup; the budget is decremented
 * atomically and the packet dropped when it runs out.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define NR_PROTO_SLOTS 4
#define ETH_P_IP 0x0800

struct budgets {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NR_PROTO_SLOTS);
	__type(key, __u32);
	__type(value, __s64);
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__array(values, struct budgets);
} cgroup_budgets SEC(".maps");

static __always_inline __u32 proto_slot(__u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP: return 0;
	case IPPROTO_UDP: return 1;
	case IPPROTO_ICMP: return 2;
	default: return 3;
	}
}

SEC("cgroup_skb/egress")
int limit_egress(struct __sk_buff *skb)
{
	__u64 cgid = bpf_skb_cgroup_id(skb);
	struct iphdr iph;
	__u32 slot;
	__s64 *left;
	void *budget;

	budget = bpf_map_lookup_elem(&cgroup_budgets, &cgid);
	if (!budget)
		return 1;
	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 1;
	if (bpf_skb_load_bytes(skb, 0, &iph, sizeof(iph)))
		return 1;
	slot = proto_slot(iph.protocol);
	left = bpf_map_lookup_elem(budget, &slot);
	if (!left)
		return 1;
	if (__sync_fetch_and_add(left, -1) <= 0)
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
