// SPDX-License-Identifier: GPL-2.0
/*
 * Sock: a tcx ingress ACL (tcx/ingress, Linux 6.6+), the way a host firewall
 * attaches to a device with bpf_mprog: parse Ethernet, an optional 802.1Q
 * tag and IPv4, look the source prefix up in an LPM trie of denied networks
 * and count per-CPU verdicts. Every header read is bounds-checked against
 * data_end. Returns TCX_DROP for a denied source, else TCX_NEXT.
 * 6.1 has no tcx attach point, but its BPF_PROG_LOAD does not check a
 * sched_cls program's expected attach type: it verifies this as tc.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TCX_NEXT (-1)
#define TCX_PASS 0
#define TCX_DROP 2
#define ETH_P_IP 0x0800
#define ETH_P_8021Q 0x8100

struct acl_key {
	__u32 prefixlen;
	__u32 addr;
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 1024);
	__type(key, struct acl_key);
	__type(value, __u32);
	__uint(map_flags, BPF_F_NO_PREALLOC);
} deny_v4 SEC(".maps");

enum { STAT_PASS, STAT_DROP, STAT_NON_IP, STAT_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, STAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} acl_stats SEC(".maps");

static __always_inline void count(__u32 what)
{
	__u64 *n = bpf_map_lookup_elem(&acl_stats, &what);

	if (n)
		*n += 1;
}

SEC("tcx/ingress")
int acl_ingress(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	struct acl_key key;
	__u16 proto;
	__u32 *rule;

	if ((void *)(eth + 1) > data_end)
		return TCX_NEXT;
	proto = eth->h_proto;
	iph = (void *)(eth + 1);
	if (proto == bpf_htons(ETH_P_8021Q)) {
		struct vlan_hdr *vh = (void *)(eth + 1);

		if ((void *)(vh + 1) > data_end)
			return TCX_NEXT;
		proto = vh->h_vlan_encapsulated_proto;
		iph = (void *)(vh + 1);
	}
	if (proto != bpf_htons(ETH_P_IP)) {
		count(STAT_NON_IP);
		return TCX_NEXT;
	}
	if ((void *)(iph + 1) > data_end)
		return TCX_NEXT;

	key.prefixlen = 32;
	key.addr = iph->saddr;
	rule = bpf_map_lookup_elem(&deny_v4, &key);
	if (rule && *rule) {
		count(STAT_DROP);
		return TCX_DROP;
	}
	count(STAT_PASS);
	return TCX_NEXT;
}

char LICENSE[] SEC("license") = "GPL";
