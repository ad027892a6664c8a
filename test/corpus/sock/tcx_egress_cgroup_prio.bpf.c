// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a tcx egress classifier (tcx/egress, Linux 6.6+) that gives each
 * cgroup's traffic its configured priority and firewall mark, the way a
 * container runtime shapes per-service egress: the cgroup comes from
 * bpf_skb_cgroup_id(), the policy from a hash map, and the map value also
 * keeps a byte counter updated atomically. Returns TCX_NEXT so later
 * programs of the mprog chain still run.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TCX_NEXT (-1)

struct egress_policy {
	__u32 priority;
	__u32 mark;
	__u64 bytes;
	__u64 packets;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, struct egress_policy);
} cgroup_policy SEC(".maps");

SEC("tcx/egress")
int prio_by_cgroup(struct __sk_buff *skb)
{
	__u64 cgid = bpf_skb_cgroup_id(skb);
	struct egress_policy *p;

	p = bpf_map_lookup_elem(&cgroup_policy, &cgid);
	if (!p)
		return TCX_NEXT;
	skb->priority = p->priority;
	if (p->mark)
		skb->mark = p->mark;
	__sync_fetch_and_add(&p->bytes, skb->len);
	__sync_fetch_and_add(&p->packets, 1);
	return TCX_NEXT;
}

char LICENSE[] SEC("license") = "GPL";
