// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: nested bounded loops with early break: a cgroup/skb firewall
 * keeps up to 8 rules in one map value, each rule with up to 4 port
 * ranges; the outer loop walks the rules, the inner loop the ranges,
 * and the first matching rule decides.  The number of active rules is
 * read from the map value and clamped by the loop condition.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define MAX_RULES 8
#define MAX_RANGES 4
#define IPPROTO_TCP 6

struct port_range {
	__u16 lo;
	__u16 hi;
};

struct rule {
	__u32 nr_ranges;
	__u32 action;
	struct port_range range[MAX_RANGES];
};

struct ruleset {
	__u32 nr_rules;
	__u32 default_action;
	struct rule rules[MAX_RULES];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ruleset);
} ruleset SEC(".maps");

SEC("cgroup_skb/egress")
int egress_ports(struct __sk_buff *skb)
{
	struct ruleset *rs;
	struct iphdr iph;
	struct tcphdr tcph;
	__u32 zero = 0, verdict;
	__u16 dport;
	int r, k;

	if (bpf_skb_load_bytes(skb, 0, &iph, sizeof(iph)) < 0 ||
	    iph.version != 4 || iph.protocol != IPPROTO_TCP)
		return 1;
	if (bpf_skb_load_bytes(skb, iph.ihl * 4, &tcph, sizeof(tcph)) < 0)
		return 1;
	dport = bpf_ntohs(tcph.dest);

	rs = bpf_map_lookup_elem(&ruleset, &zero);
	if (!rs)
		return 1;
	verdict = rs->default_action;
	for (r = 0; r < MAX_RULES && r < rs->nr_rules; r++) {
		struct rule *ru = &rs->rules[r];
		int hit = 0;

		for (k = 0; k < MAX_RANGES && k < ru->nr_ranges; k++) {
			if (dport >= ru->range[k].lo && dport <= ru->range[k].hi) {
				hit = 1;
				break;
			}
		}
		if (hit) {
			verdict = ru->action;
			break;
		}
	}
	return verdict ? 1 : 0;
}

char LICENSE[] SEC("license") = "GPL";
