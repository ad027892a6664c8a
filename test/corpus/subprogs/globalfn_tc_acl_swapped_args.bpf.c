// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the broken twin of globalfn_tc_acl: the caller passes the
 * struct sk_buff context where load_tuple() expects its tuple, and the
 * tuple where it expects the context. Original: a tc ingress ACL built
 * from global functions: the 5-tuple is
 * copied out of the packet with bpf_skb_load_bytes() into a struct on the
 * caller's stack by one global function (pointer argument: memory of the
 * struct's size, maybe NULL), matched against a rule map by another, and
 * counted by a third. Each is verified once from its prototype.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_HLEN 14
#define ETH_P_IP 0x0800
#define TC_ACT_OK 0
#define TC_ACT_SHOT 2

struct tuple {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 proto;
	__u8 pad[3];
};

struct rule {
	__u32 action;
	__u32 pad;
	__u64 hits;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct tuple);
	__type(value, struct rule);
} acl SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} verdicts SEC(".maps");

__noinline int load_tuple(struct __sk_buff *skb, struct tuple *t)
{
	struct iphdr iph;
	__u16 ports[2];

	if (!t)
		return -1;
	if (skb->protocol != bpf_htons(ETH_P_IP))
		return -1;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &iph, sizeof(iph)))
		return -1;
	t->saddr = iph.saddr;
	t->daddr = iph.daddr;
	t->proto = iph.protocol;
	if (iph.protocol != 6 && iph.protocol != 17)
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + iph.ihl * 4, ports, sizeof(ports)))
		return -1;
	t->sport = ports[0];
	t->dport = ports[1];
	return 0;
}

__noinline int match_rule(struct tuple *t)
{
	struct rule *r;

	if (!t)
		return TC_ACT_OK;
	r = bpf_map_lookup_elem(&acl, t);
	if (!r)
		return TC_ACT_OK;
	__sync_fetch_and_add(&r->hits, 1);
	return r->action == TC_ACT_SHOT ? TC_ACT_SHOT : TC_ACT_OK;
}

__noinline int count_verdict(int verdict)
{
	__u32 k = verdict == TC_ACT_SHOT;
	__u64 *c = bpf_map_lookup_elem(&verdicts, &k);

	if (c)
		*c += 1;
	return 0;
}

SEC("tc")
int tc_acl(struct __sk_buff *skb)
{
	struct tuple t = {};
	int verdict;

	if (load_tuple((void *)&t, (void *)skb)) /* BUG: arguments swapped */
		return TC_ACT_OK;
	verdict = match_rule(&t);
	count_verdict(verdict);
	return verdict == TC_ACT_SHOT ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
