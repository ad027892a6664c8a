// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tc ingress classifier chain the way CNI datapaths build one:
 * the entry classifier loads the L3/L4 headers with bpf_skb_load_bytes()
 * inside a global (non-static __noinline) function that takes the
 * __sk_buff and a stack pointer and is verified on its own, stores the
 * classification in skb->cb[], and jumps by class to the next stage
 * through a BPF_MAP_TYPE_PROG_ARRAY with a variable index (bounded by a
 * check); the policy stage reads the class back from skb->cb[], looks the
 * flow up in an LPM trie of CIDR rules, marks the packet and tail-calls
 * the accounting stage, which counts bytes per class.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2
#define ETH_P_IP 0x0800
#define ETH_HLEN 14

enum stage {
	STAGE_POLICY_TCP = 0,
	STAGE_POLICY_UDP = 1,
	STAGE_POLICY_OTHER = 2,
	STAGE_ACCOUNT = 3,
	NR_STAGES,
};

struct pkt_meta {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 proto;
	__u8 tos;
	__u16 len;
};

struct lpm_v4 {
	__u32 prefixlen;
	__u32 addr;
};

struct rule {
	__u32 action; /* 0 allow, 1 drop, 2 mark */
	__u32 mark;
	__u16 port_lo;
	__u16 port_hi;
};

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, NR_STAGES);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} chain SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 1024);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct lpm_v4);
	__type(value, struct rule);
} cidr_rules SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, NR_STAGES);
	__type(key, __u32);
	__type(value, __u64);
} class_bytes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} chain_errors SEC(".maps");

static __always_inline void error_inc(__u32 idx)
{
	__u64 *c = bpf_map_lookup_elem(&chain_errors, &idx);

	if (c)
		*c += 1;
}

/* Global function: verified once against its BTF prototype. */
__noinline int load_meta(struct __sk_buff *skb, struct pkt_meta *m)
{
	struct iphdr ip;
	__u16 ports[2];

	if (!m)
		return -1;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &ip, sizeof(ip)) < 0)
		return -1;
	if (ip.version != 4 || ip.ihl < 5)
		return -1;
	m->saddr = ip.saddr;
	m->daddr = ip.daddr;
	m->proto = ip.protocol;
	m->tos = ip.tos;
	m->len = bpf_ntohs(ip.tot_len);
	m->sport = 0;
	m->dport = 0;
	if (ip.protocol != IPPROTO_TCP && ip.protocol != IPPROTO_UDP)
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + ip.ihl * 4, ports, sizeof(ports)) < 0)
		return -1;
	m->sport = bpf_ntohs(ports[0]);
	m->dport = bpf_ntohs(ports[1]);
	return 0;
}

SEC("tc")
int tc_classify(struct __sk_buff *skb)
{
	struct pkt_meta m = {};
	__u32 stage;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	if (load_meta(skb, &m) < 0) {
		error_inc(0);
		return TC_ACT_OK;
	}
	skb->cb[0] = m.saddr;
	skb->cb[1] = m.daddr;
	skb->cb[2] = (__u32)m.sport << 16 | m.dport;
	skb->cb[3] = m.proto;
	skb->cb[4] = m.len;

	if (m.proto == IPPROTO_TCP)
		stage = STAGE_POLICY_TCP;
	else if (m.proto == IPPROTO_UDP)
		stage = STAGE_POLICY_UDP;
	else
		stage = STAGE_POLICY_OTHER;
	if (stage >= NR_STAGES)
		return TC_ACT_OK;
	bpf_tail_call(skb, &chain, stage);
	error_inc(1);
	return TC_ACT_OK;
}

SEC("tc")
int tc_policy(struct __sk_buff *skb)
{
	struct lpm_v4 key = { .prefixlen = 32 };
	struct rule *r;
	__u16 dport = skb->cb[2] & 0xffff;

	key.addr = skb->cb[1];
	r = bpf_map_lookup_elem(&cidr_rules, &key);
	if (r) {
		if (dport < r->port_lo || dport > r->port_hi)
			goto account;
		if (r->action == 1) {
			error_inc(2);
			return TC_ACT_SHOT;
		}
		if (r->action == 2)
			skb->mark = r->mark;
	}
account:
	bpf_tail_call(skb, &chain, STAGE_ACCOUNT);
	error_inc(1);
	return TC_ACT_OK;
}

SEC("tc")
int tc_account(struct __sk_buff *skb)
{
	__u32 class = skb->cb[3] == IPPROTO_TCP ? STAGE_POLICY_TCP :
		      skb->cb[3] == IPPROTO_UDP ? STAGE_POLICY_UDP :
						  STAGE_POLICY_OTHER;
	__u64 *bytes = bpf_map_lookup_elem(&class_bytes, &class);

	if (bytes)
		*bytes += skb->cb[4];
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
