// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a dual-stack XDP layer-4 load balancer as Katran-like tools
 * split it: the entry program parses Ethernet, IPv4 and IPv6 (with the
 * bounds checks each header needs), hashes the flow in a static
 * __noinline subprogram (a BPF-to-BPF call returning a scalar), picks a
 * backend, bumps that backend's packet/byte counters under the
 * bpf_spin_lock in its map value (lock released before any call), saves
 * the decision in a per-CPU scratch map and dispatches by L4 protocol
 * through a BPF_MAP_TYPE_PROG_ARRAY with bpf_tail_call(); the TCP/UDP
 * stages rewrite the MAC addresses from the scratch record.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86DD
#define STAGE_TCP 0
#define STAGE_UDP 1
#define STAGE_ICMP 2
#define NR_BACKENDS 64
#define IPPROTO_ICMPV6 58

struct flow {
	__u32 src[4];
	__u32 dst[4];
	__u16 sport;
	__u16 dport;
	__u8 proto;
	__u8 v6;
	__u16 l4_off;
};

struct backend {
	struct bpf_spin_lock lock;
	__u32 healthy;
	__u64 packets;
	__u64 bytes;
	__u8 mac[6];
	__u16 weight;
};

struct decision {
	__u32 backend;
	__u32 hash;
	__u16 l4_off;
	__u8 proto;
	__u8 v6;
	__u8 mac[6];
};

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} l4_stages SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NR_BACKENDS);
	__type(key, __u32);
	__type(value, struct backend);
} backends SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct decision);
} decisions SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} lb_stats SEC(".maps");

static __always_inline void stat_inc(__u32 idx)
{
	__u64 *c = bpf_map_lookup_elem(&lb_stats, &idx);

	if (c)
		*c += 1;
}

/* Jenkins-style mix of the 5-tuple; kept out of line like a real hash. */
static __noinline __u32 flow_hash(const struct flow *f)
{
	__u32 a = f->src[0] ^ f->src[1] ^ f->src[2] ^ f->src[3];
	__u32 b = f->dst[0] ^ f->dst[1] ^ f->dst[2] ^ f->dst[3];
	__u32 c = ((__u32)f->sport << 16 | f->dport) ^ f->proto;

	a -= c; a ^= (c << 4) | (c >> 28); c += b;
	b -= a; b ^= (a << 6) | (a >> 26); a += c;
	c -= b; c ^= (b << 8) | (b >> 24); b += a;
	a -= c; a ^= (c << 16) | (c >> 16); c += b;
	b -= a; b ^= (a << 19) | (a >> 13); a += c;
	return c ^ b;
}

static __always_inline int parse_l4(void *l4, void *data_end, struct flow *f)
{
	__u16 *ports = l4;

	if (f->proto == IPPROTO_ICMP || f->proto == IPPROTO_ICMPV6)
		return 0;
	if ((void *)(ports + 2) > data_end)
		return -1;
	f->sport = ports[0];
	f->dport = ports[1];
	return 0;
}

SEC("xdp")
int xdp_lb_v46(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct flow f = {};
	struct backend *be;
	struct decision *d;
	__u32 zero = 0, idx, hash;
	void *l4;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = (void *)(eth + 1);

		if ((void *)(ip + 1) > data_end)
			return XDP_PASS;
		if (ip->ihl != 5 || (ip->frag_off & bpf_htons(0x3fff)))
			return XDP_PASS;
		f.src[0] = ip->saddr;
		f.dst[0] = ip->daddr;
		f.proto = ip->protocol;
		f.l4_off = sizeof(*eth) + sizeof(*ip);
		l4 = ip + 1;
	} else if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = (void *)(eth + 1);

		if ((void *)(ip6 + 1) > data_end)
			return XDP_PASS;
		__builtin_memcpy(f.src, &ip6->saddr, sizeof(f.src));
		__builtin_memcpy(f.dst, &ip6->daddr, sizeof(f.dst));
		f.proto = ip6->nexthdr;
		f.v6 = 1;
		f.l4_off = sizeof(*eth) + sizeof(*ip6);
		l4 = ip6 + 1;
	} else {
		return XDP_PASS;
	}
	if (parse_l4(l4, data_end, &f) < 0) {
		stat_inc(4);
		return XDP_DROP;
	}

	hash = flow_hash(&f);
	idx = hash % NR_BACKENDS;
	be = bpf_map_lookup_elem(&backends, &idx);
	if (!be)
		return XDP_PASS;
	d = bpf_map_lookup_elem(&decisions, &zero);
	if (!d)
		return XDP_PASS;
	d->backend = idx;
	d->hash = hash;
	d->l4_off = f.l4_off;
	d->proto = f.proto;
	d->v6 = f.v6;

	bpf_spin_lock(&be->lock);
	if (!be->healthy) {
		bpf_spin_unlock(&be->lock);
		stat_inc(5);
		return XDP_DROP;
	}
	be->packets++;
	be->bytes += data_end - data;
	__builtin_memcpy(d->mac, be->mac, sizeof(d->mac));
	bpf_spin_unlock(&be->lock);

	switch (f.proto) {
	case IPPROTO_TCP:
		bpf_tail_call(ctx, &l4_stages, STAGE_TCP);
		break;
	case IPPROTO_UDP:
		bpf_tail_call(ctx, &l4_stages, STAGE_UDP);
		break;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		bpf_tail_call(ctx, &l4_stages, STAGE_ICMP);
		break;
	}
	stat_inc(3); /* stage not installed */
	return XDP_PASS;
}

static __always_inline int rewrite_and_tx(struct xdp_md *ctx, __u32 stat)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct decision *d;
	__u32 zero = 0;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	d = bpf_map_lookup_elem(&decisions, &zero);
	if (!d)
		return XDP_PASS;
	__builtin_memcpy(eth->h_source, eth->h_dest, 6);
	__builtin_memcpy(eth->h_dest, d->mac, 6);
	stat_inc(stat);
	return XDP_TX;
}

SEC("xdp")
int xdp_lb_tcp(struct xdp_md *ctx)
{
	return rewrite_and_tx(ctx, 0);
}

SEC("xdp")
int xdp_lb_udp(struct xdp_md *ctx)
{
	return rewrite_and_tx(ctx, 1);
}

char LICENSE[] SEC("license") = "GPL";
