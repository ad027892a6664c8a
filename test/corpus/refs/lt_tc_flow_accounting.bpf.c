// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: per-flow traffic accounting on tc egress, the way flow exporters do
 * it: a static __noinline subprogram parses Ethernet/IPv4/TCP-or-UDP headers
 * from the skb (bounds-checked packet pointers) into a flow key; the flow
 * record in a hash map value carries a bpf_spin_lock that guards the byte,
 * packet and first/last-seen fields, updated together under the lock. A
 * second subprogram classifies the DSCP after the lock is dropped (no calls
 * are allowed while a lock is held). Every path unlocks.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define TC_ACT_OK 0
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17

struct fa_key {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 proto;
	__u8 tos;
	__u8 pad[2];
};

struct fa_stats {
	struct bpf_spin_lock lock;
	__u64 bytes;
	__u64 packets;
	__u64 first_ns;
	__u64 last_ns;
	__u32 max_len;
	__u32 class;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, struct fa_key);
	__type(value, struct fa_stats);
} flows SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} class_bytes SEC(".maps");

static __noinline int parse_flow(struct __sk_buff *skb, struct fa_key *key)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	struct udphdr *uh;
	struct tcphdr *th;

	if ((void *)(eth + 1) > data_end)
		return -1;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return -1;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end || iph->ihl != 5)
		return -1;
	key->saddr = iph->saddr;
	key->daddr = iph->daddr;
	key->proto = iph->protocol;
	key->tos = iph->tos;
	if (iph->protocol == IPPROTO_TCP) {
		th = (void *)(iph + 1);
		if ((void *)(th + 1) > data_end)
			return -1;
		key->sport = th->source;
		key->dport = th->dest;
	} else if (iph->protocol == IPPROTO_UDP) {
		uh = (void *)(iph + 1);
		if ((void *)(uh + 1) > data_end)
			return -1;
		key->sport = uh->source;
		key->dport = uh->dest;
	}
	return 0;
}

/* 0 best effort, 1 bulk, 2 interactive, 3 network control */
static __noinline int dscp_class(__u8 tos)
{
	__u8 dscp = tos >> 2;

	if (dscp >= 48)
		return 3;
	if (dscp >= 32)
		return 2;
	if (dscp >= 8)
		return 1;
	return 0;
}

SEC("tc")
int flow_account(struct __sk_buff *skb)
{
	struct fa_key key = {};
	struct fa_stats init = {}, *st;
	__u64 now = bpf_ktime_get_ns(), *cb;
	__u32 len = skb->len, cls;

	if (parse_flow(skb, &key) < 0)
		return TC_ACT_OK;
	st = bpf_map_lookup_elem(&flows, &key);
	if (!st) {
		init.first_ns = now;
		bpf_map_update_elem(&flows, &key, &init, BPF_NOEXIST);
		st = bpf_map_lookup_elem(&flows, &key);
		if (!st)
			return TC_ACT_OK;
	}
	cls = dscp_class(key.tos);

	bpf_spin_lock(&st->lock);
	st->bytes += len;
	st->packets++;
	st->last_ns = now;
	if (len > st->max_len)
		st->max_len = len;
	st->class = cls;
	bpf_spin_unlock(&st->lock);

	cls &= 3;
	cb = bpf_map_lookup_elem(&class_bytes, &cls);
	if (cb)
		*cb += len;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
