// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup_skb egress: account bytes sent by the cgroup per IP protocol and
 * refuse UDP traffic to a blocked destination port.  The packet starts at
 * the network header here; it is read with direct (read-only) packet access.
 *
 * This is the one example with a BPF-to-BPF call: account() is a static
 * __noinline subprogram.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP	0x0800
#define IPPROTO_UDP	17
#define BLOCKED_PORT	5353	/* mDNS */
#define SK_DROP		0
#define SK_PASS		1

struct proto_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);		/* IP protocol */
	__type(value, struct proto_stats);
} egress_stats SEC(".maps");

static __noinline int account(__u32 proto, __u32 bytes)
{
	struct proto_stats *st, init = { .packets = 1, .bytes = bytes };

	st = bpf_map_lookup_elem(&egress_stats, &proto);
	if (!st)
		return bpf_map_update_elem(&egress_stats, &proto, &init,
					   BPF_NOEXIST);
	__sync_fetch_and_add(&st->packets, 1);
	__sync_fetch_and_add(&st->bytes, bytes);
	return 0;
}

SEC("cgroup_skb/egress")
int egress_filter(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct iphdr *iph = data;
	struct udphdr *udph;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return SK_PASS;
	if ((void *)(iph + 1) > data_end)
		return SK_PASS;

	account(iph->protocol, skb->len);

	if (iph->protocol != IPPROTO_UDP || iph->ihl != 5)
		return SK_PASS;
	udph = (void *)(iph + 1);
	if ((void *)(udph + 1) > data_end)
		return SK_PASS;
	if (udph->dest == bpf_htons(BLOCKED_PORT))
		return SK_DROP;
	return SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
