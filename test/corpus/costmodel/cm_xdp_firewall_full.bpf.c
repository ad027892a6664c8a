// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a larger, complete XDP firewall with every loop shape of a real
 * datapath in one program: up to 2 VLAN tags popped in a loop, IPv4 or
 * IPv6 (extension headers walked in a bounded loop with a data_end check
 * per header), a TCP-option walk looking for MSS on SYNs (offset masked,
 * bounded by the loop count), then a first-match scan of up to 16 rules
 * stored as an array in a map value with the rule count from the same
 * value ("r < MAX_RULES && r < rs->nr").  Per-CPU counters per verdict.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86DD
#define ETH_P_8021Q 0x8100
#define ETH_P_8021AD 0x88A8
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define VLAN_MAX 2
#define V6_EXT_MAX 6
#define TCP_OPT_MAX 8
#define MAX_RULES 16

struct vlan_tag {
	__be16 tci;
	__be16 proto;
};

struct fw_rule {
	__u8 proto;		/* 0 = any */
	__u8 action;		/* XDP_DROP or XDP_PASS */
	__u16 min_mss;		/* TCP SYN only; 0 = ignore */
	__u16 dport_lo;
	__u16 dport_hi;
};

struct fw_rules {
	__u32 nr;
	__u32 default_action;
	struct fw_rule rule[MAX_RULES];
};

struct pkt_info {
	__u8 l4proto;
	__u8 syn;
	__u16 dport;
	__u16 mss;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct fw_rules);
} fw_rules SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} verdicts SEC(".maps");

static __always_inline void count(__u32 action)
{
	__u64 *c = bpf_map_lookup_elem(&verdicts, &action);

	if (c)
		*c += 1;
}

static __always_inline int parse_tcp(struct tcphdr *tcph, void *data_end,
				     struct pkt_info *pi)
{
	__u8 *opts = (__u8 *)(tcph + 1), *p;
	__u32 off = 0, optlen;
	int i;

	if ((void *)(tcph + 1) > data_end)
		return -1;
	pi->dport = bpf_ntohs(tcph->dest);
	pi->syn = tcph->syn && !tcph->ack;
	if (!pi->syn)
		return 0;
	optlen = tcph->doff * 4;
	if (optlen <= sizeof(*tcph))
		return 0;
	optlen -= sizeof(*tcph);
	for (i = 0; i < TCP_OPT_MAX; i++) {
		if (off >= optlen)
			break;
		off &= 0x3f;
		if (off > 36)
			break;
		p = opts + off;
		if ((void *)(p + 4) > data_end)
			break;
		if (p[0] == 0)
			break;
		if (p[0] == 1) {
			off++;
			continue;
		}
		if (p[0] == 2 && p[1] == 4) {
			pi->mss = (p[2] << 8) | p[3];
			break;
		}
		if (p[1] < 2)
			break;
		off += p[1];
	}
	return 0;
}

SEC("xdp")
int xdp_firewall(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct pkt_info pi = {};
	struct fw_rules *rs;
	struct vlan_tag *vt;
	void *l4;
	__u16 proto;
	__u32 zero = 0, action;
	int i, r;

	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	proto = eth->h_proto;
	vt = (void *)(eth + 1);
	for (i = 0; i < VLAN_MAX; i++) {
		if (proto != bpf_htons(ETH_P_8021Q) && proto != bpf_htons(ETH_P_8021AD))
			break;
		if ((void *)(vt + 1) > data_end)
			return XDP_DROP;
		proto = vt->proto;
		vt++;
	}

	if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *iph = (void *)vt;

		if ((void *)(iph + 1) > data_end || iph->ihl != 5)
			return XDP_PASS;
		pi.l4proto = iph->protocol;
		l4 = iph + 1;
	} else if (proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = (void *)vt;
		struct ipv6_opt_hdr *oh;
		__u8 nh;

		if ((void *)(ip6 + 1) > data_end)
			return XDP_PASS;
		nh = ip6->nexthdr;
		oh = (void *)(ip6 + 1);
		for (i = 0; i < V6_EXT_MAX; i++) {
			if (nh != 0 && nh != 43 && nh != 60)
				break;
			if ((void *)(oh + 1) > data_end)
				return XDP_DROP;
			nh = oh->nexthdr;
			oh = (void *)oh + (oh->hdrlen + 1) * 8;
		}
		pi.l4proto = nh;
		l4 = oh;
	} else {
		return XDP_PASS;
	}

	if (pi.l4proto == IPPROTO_TCP) {
		if (parse_tcp(l4, data_end, &pi) < 0)
			return XDP_DROP;
	} else if (pi.l4proto == IPPROTO_UDP) {
		struct udphdr *uh = l4;

		if ((void *)(uh + 1) > data_end)
			return XDP_DROP;
		pi.dport = bpf_ntohs(uh->dest);
	}

	rs = bpf_map_lookup_elem(&fw_rules, &zero);
	if (!rs)
		return XDP_PASS;
	action = rs->default_action;
	for (r = 0; r < MAX_RULES && r < rs->nr; r++) {
		struct fw_rule *ru = &rs->rule[r];

		if (ru->proto && ru->proto != pi.l4proto)
			continue;
		if (pi.dport < ru->dport_lo || pi.dport > ru->dport_hi)
			continue;
		if (ru->min_mss && pi.syn && pi.mss && pi.mss >= ru->min_mss)
			continue;
		action = ru->action;
		break;
	}
	if (action != XDP_DROP)
		action = XDP_PASS;
	count(action);
	return action;
}

char LICENSE[] SEC("license") = "GPL";
