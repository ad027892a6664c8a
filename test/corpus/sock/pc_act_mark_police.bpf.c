// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a tc action program (section "action", BPF_PROG_TYPE_SCHED_ACT,
 * attached with `tc filter ... action bpf obj`): classic policing by
 * firewall mark: packets whose mark names a rate class are counted per
 * class and dropped past their budget; IPv4 packets get their DSCP read
 * from the header, bounds-checked against data_end.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK   0
#define TC_ACT_SHOT 2
#define ETH_P_IP    0x0800

struct class_state {
	__u64 packets;
	__u64 budget;
	__u64 dscp_seen[64];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, struct class_state);
} classes SEC(".maps");

SEC("action")
int police(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = data + sizeof(*eth);
	__u32 cls = skb->mark & 15;
	struct class_state *st;

	st = bpf_map_lookup_elem(&classes, &cls);
	if (!st)
		return TC_ACT_OK;
	st->packets++;
	if ((void *)(iph + 1) <= data_end && eth->h_proto == bpf_htons(ETH_P_IP))
		st->dscp_seen[iph->tos >> 2]++;
	if (st->budget && st->packets > st->budget)
		return TC_ACT_SHOT;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
