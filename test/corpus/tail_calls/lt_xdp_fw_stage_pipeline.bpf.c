// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an XDP firewall built as a pipeline of stages, like DDoS
 * scrubbers: the parse stage fills a per-CPU packet record and tail-calls
 * the ACL stage; the ACL stage walks an ordered array of port-range rules
 * with bpf_loop() (a callback taking a pointer to a stack context, which
 * stops at the first match by returning 1), then tail-calls the rate stage
 * or drops; the rate stage sums the per-source token buckets with
 * bpf_for_each_map_elem() over a small hash of recent offenders before
 * deciding. Each stage falls back to XDP_PASS when its successor is not
 * installed.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define MAX_RULES 64

enum { STAGE_ACL = 0, STAGE_RATE = 1, NR_STAGES = 2 };

struct pkt {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 proto;
	__u8 flags;
	__u16 len;
};

struct acl_rule {
	__u16 dport_lo;
	__u16 dport_hi;
	__u8 proto;
	__u8 action; /* 0: continue, 1: drop, 2: pass, 3: rate-limit */
	__u16 pad;
};

struct acl_ctx {
	struct pkt *p;
	__u32 matched;
	__u32 action;
};

struct fw_bucket {
	__u64 tokens;
	__u64 last_ns;
};

struct rate_ctx {
	__u32 saddr;
	__u32 offenders;
	__u64 total;
};

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, NR_STAGES);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} fw_stages SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct pkt);
} pkt_scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_RULES);
	__type(key, __u32);
	__type(value, struct acl_rule);
} acl SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct fw_bucket);
} buckets SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} fw_stats SEC(".maps");

const volatile __u32 nr_rules = 16;
const volatile __u64 bucket_limit = 1000;

static __always_inline int stat(__u32 idx, int verdict)
{
	__u64 *c = bpf_map_lookup_elem(&fw_stats, &idx);

	if (c)
		*c += 1;
	return verdict;
}

SEC("xdp")
int xdp_fw_parse(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct pkt *p;
	__u32 zero = 0;

	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	if (ip->ihl != 5)
		return stat(0, XDP_DROP); /* options: scrubbed elsewhere */
	p = bpf_map_lookup_elem(&pkt_scratch, &zero);
	if (!p)
		return XDP_PASS;
	p->saddr = ip->saddr;
	p->daddr = ip->daddr;
	p->proto = ip->protocol;
	p->len = bpf_ntohs(ip->tot_len);
	p->sport = 0;
	p->dport = 0;
	p->flags = 0;
	if (ip->protocol == IPPROTO_TCP) {
		struct tcphdr *tcp = (void *)(ip + 1);

		if ((void *)(tcp + 1) > data_end)
			return stat(1, XDP_DROP);
		p->sport = bpf_ntohs(tcp->source);
		p->dport = bpf_ntohs(tcp->dest);
		p->flags = tcp->syn | tcp->fin << 1 | tcp->rst << 2;
	} else if (ip->protocol == IPPROTO_UDP) {
		struct udphdr *udp = (void *)(ip + 1);

		if ((void *)(udp + 1) > data_end)
			return stat(1, XDP_DROP);
		p->sport = bpf_ntohs(udp->source);
		p->dport = bpf_ntohs(udp->dest);
	}
	bpf_tail_call(ctx, &fw_stages, STAGE_ACL);
	return stat(7, XDP_PASS);
}

static long acl_match_one(__u64 i, void *data)
{
	struct acl_ctx *c = data;
	__u32 idx = i;
	struct acl_rule *r = bpf_map_lookup_elem(&acl, &idx);

	if (!r)
		return 1;
	if (r->proto && r->proto != c->p->proto)
		return 0;
	if (c->p->dport < r->dport_lo || c->p->dport > r->dport_hi)
		return 0;
	if (r->action == 0)
		return 0;
	c->matched = idx;
	c->action = r->action;
	return 1;
}

SEC("xdp")
int xdp_fw_acl(struct xdp_md *ctx)
{
	struct acl_ctx c = { .matched = ~0u };
	__u32 zero = 0, n = nr_rules;

	c.p = bpf_map_lookup_elem(&pkt_scratch, &zero);
	if (!c.p)
		return XDP_PASS;
	if (n > MAX_RULES)
		n = MAX_RULES;
	bpf_loop(n, acl_match_one, &c, 0);
	switch (c.action) {
	case 1:
		return stat(2, XDP_DROP);
	case 2:
		return stat(3, XDP_PASS);
	case 3:
		bpf_tail_call(ctx, &fw_stages, STAGE_RATE);
		return stat(7, XDP_PASS);
	}
	return XDP_PASS;
}

static long sum_offenders(struct bpf_map *map, __u32 *key, struct fw_bucket *b,
			  struct rate_ctx *rc)
{
	if (b->tokens == 0) {
		rc->offenders++;
		if (rc->offenders >= 128)
			return 1;
	}
	rc->total += b->tokens;
	return 0;
}

SEC("xdp")
int xdp_fw_rate(struct xdp_md *ctx)
{
	struct rate_ctx rc = {};
	struct fw_bucket *b, fresh = {};
	struct pkt *p;
	__u32 zero = 0;
	__u64 now = bpf_ktime_get_ns();

	p = bpf_map_lookup_elem(&pkt_scratch, &zero);
	if (!p)
		return XDP_PASS;
	rc.saddr = p->saddr;
	b = bpf_map_lookup_elem(&buckets, &rc.saddr);
	if (!b) {
		fresh.tokens = bucket_limit;
		fresh.last_ns = now;
		bpf_map_update_elem(&buckets, &rc.saddr, &fresh, BPF_ANY);
		return XDP_PASS;
	}
	/* Under a flood of offenders, tighten: refill only half. */
	bpf_for_each_map_elem(&buckets, sum_offenders, &rc, 0);
	if (now - b->last_ns > 1000000000ull) {
		b->tokens = rc.offenders > 64 ? bucket_limit / 2 : bucket_limit;
		b->last_ns = now;
	}
	if (b->tokens == 0)
		return stat(4, XDP_DROP);
	b->tokens--;
	return stat(5, XDP_PASS);
}

char LICENSE[] SEC("license") = "GPL";
