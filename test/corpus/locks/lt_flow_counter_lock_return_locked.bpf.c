// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: (rejected twin of lt_flow_counter_lock) a per-flow packet/byte counter for XDP, the way flow exporters
 * write it: the 5-tuple keys a hash map whose value holds a struct
 * bpf_spin_lock guarding first/last-seen timestamps, counters and the
 * TCP flags seen. New flows are inserted with BPF_NOEXIST and looked up
 * again. BUG: a RST returns from inside the locked region.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

struct lt_flow_key {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 proto;
	__u8 pad[3];
};

struct lt_flow_stats {
	struct bpf_spin_lock lock;
	__u64 first_seen_ns;
	__u64 last_seen_ns;
	__u64 packets;
	__u64 bytes;
	__u8 tcp_flags;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, struct lt_flow_key);
	__type(value, struct lt_flow_stats);
} flows SEC(".maps");

static __always_inline int parse_flow(void *data, void *data_end, struct lt_flow_key *key,
				      __u8 *flags)
{
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);

	if ((void *)(ip + 1) > data_end)
		return -1;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || ip->ihl != 5)
		return -1;
	key->saddr = ip->saddr;
	key->daddr = ip->daddr;
	key->proto = ip->protocol;
	if (ip->protocol == IPPROTO_TCP) {
		struct tcphdr *tcp = (void *)(ip + 1);

		if ((void *)(tcp + 1) > data_end)
			return -1;
		key->sport = tcp->source;
		key->dport = tcp->dest;
		*flags = ((__u8 *)tcp)[13];
	} else if (ip->protocol == IPPROTO_UDP) {
		struct udphdr *udp = (void *)(ip + 1);

		if ((void *)(udp + 1) > data_end)
			return -1;
		key->sport = udp->source;
		key->dport = udp->dest;
	}
	return 0;
}

SEC("xdp")
int xdp_flow_count(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct lt_flow_key key = {};
	struct lt_flow_stats *st;
	__u64 len = data_end - data;
	__u8 flags = 0;
	__u64 now;

	if (parse_flow(data, data_end, &key, &flags))
		return XDP_PASS;
	now = bpf_ktime_get_ns();
	st = bpf_map_lookup_elem(&flows, &key);
	if (!st) {
		struct lt_flow_stats init = {};

		init.first_seen_ns = now;
		bpf_map_update_elem(&flows, &key, &init, BPF_NOEXIST);
		st = bpf_map_lookup_elem(&flows, &key);
		if (!st)
			return XDP_PASS;
	}
	bpf_spin_lock(&st->lock);
	st->last_seen_ns = now;
	st->packets++;
	st->bytes += len;
	st->tcp_flags |= flags;
	if (flags & 0x04 /* RST */)
		return XDP_DROP; /* BUG: returns with the lock held */
	bpf_spin_unlock(&st->lock);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
