// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an XDP layer-4 load balancer split into stages the way Katran-
 * like balancers are: the entry program parses Ethernet/IPv4, looks the
 * VIP up, stores the parsed offsets in a per-CPU scratch map and tail-
 * calls the TCP or UDP stage from a BPF_MAP_TYPE_PROG_ARRAY (constant
 * slots); each stage picks a backend by a hash of the flow from the
 * VIP's backend ring, rewrites the destination MAC and counts, and a
 * failed tail call falls back to XDP_PASS with a drop counter.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define STAGE_TCP 0
#define STAGE_UDP 1
#define RING_SIZE 16

struct vip_key {
	__u32 addr;
	__u16 port;
	__u8 proto;
	__u8 pad;
};

struct vip_meta {
	__u32 vip_num;
	__u32 flags;
};

struct backend {
	__u8 mac[6];
	__u16 pad;
	__u32 addr;
};

struct scratch {
	__u32 vip_num;
	__u32 l4_off;
	__u32 saddr;
	__u32 daddr;
};

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} lb_stages SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 512);
	__type(key, struct vip_key);
	__type(value, struct vip_meta);
} vips SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 512 * RING_SIZE);
	__type(key, __u32);
	__type(value, struct backend);
} rings SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

static __always_inline void count(__u32 idx)
{
	__u64 *c = bpf_map_lookup_elem(&counters, &idx);

	if (c)
		*c += 1;
}

SEC("xdp")
int xdp_lb_entry(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct vip_key vk = {};
	struct vip_meta *vm;
	struct scratch *s;
	__u32 zero = 0;
	__u16 *ports;

	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || ip->ihl != 5)
		return XDP_PASS;
	if (ip->protocol != IPPROTO_TCP && ip->protocol != IPPROTO_UDP)
		return XDP_PASS;
	ports = (void *)(ip + 1);
	if ((void *)(ports + 2) > data_end)
		return XDP_PASS;
	vk.addr = ip->daddr;
	vk.port = ports[1];
	vk.proto = ip->protocol;
	vm = bpf_map_lookup_elem(&vips, &vk);
	if (!vm)
		return XDP_PASS;
	s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s)
		return XDP_PASS;
	s->vip_num = vm->vip_num;
	s->l4_off = sizeof(*eth) + sizeof(*ip);
	s->saddr = ip->saddr;
	s->daddr = ip->daddr;
	if (ip->protocol == IPPROTO_TCP)
		bpf_tail_call(ctx, &lb_stages, STAGE_TCP);
	else
		bpf_tail_call(ctx, &lb_stages, STAGE_UDP);
	count(3); /* stage missing */
	return XDP_PASS;
}

static __always_inline int forward(struct xdp_md *ctx, __u32 hash, __u32 stat)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct scratch *s;
	struct backend *be;
	__u32 zero = 0, slot;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s || s->vip_num >= 512)
		return XDP_PASS;
	slot = s->vip_num * RING_SIZE + (hash % RING_SIZE);
	be = bpf_map_lookup_elem(&rings, &slot);
	if (!be || !be->addr)
		return XDP_DROP;
	__builtin_memcpy(eth->h_source, eth->h_dest, 6);
	__builtin_memcpy(eth->h_dest, be->mac, 6);
	count(stat);
	return XDP_TX;
}

SEC("xdp")
int xdp_lb_tcp(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct tcphdr *tcp = data + sizeof(struct ethhdr) + sizeof(struct iphdr);
	struct iphdr *ip = data + sizeof(struct ethhdr);

	if ((void *)(tcp + 1) > data_end)
		return XDP_PASS;
	return forward(ctx, ip->saddr ^ ((__u32)tcp->source << 16 | tcp->dest), 0);
}

SEC("xdp")
int xdp_lb_udp(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct udphdr *udp = data + sizeof(struct ethhdr) + sizeof(struct iphdr);
	struct iphdr *ip = data + sizeof(struct ethhdr);

	if ((void *)(udp + 1) > data_end)
		return XDP_PASS;
	return forward(ctx, ip->saddr ^ udp->source, 1);
}

char LICENSE[] SEC("license") = "GPL";
