// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a TC classifier walking IPv6 extension headers with
 * bpf_skb_load_bytes() instead of direct packet access, up to 8 headers
 * (hop-by-hop, routing, fragment, destination options), the way a
 * Cilium-style datapath finds the L4 protocol and offset.  The offset is
 * a running scalar bounded by the loop count.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_HLEN 14
#define ETH_P_IPV6 0x86DD
#define IPV6_MAX_EXT 8
#define NEXTHDR_HOP 0
#define NEXTHDR_ROUTING 43
#define NEXTHDR_FRAGMENT 44
#define NEXTHDR_AUTH 51
#define NEXTHDR_DEST 60
#define NEXTHDR_TCP 6
#define NEXTHDR_UDP 17
#define TC_ACT_OK 0
#define TC_ACT_SHOT 2

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} l4_proto_count SEC(".maps");

static __always_inline int ipv6_skip_exthdr(struct __sk_buff *skb, __u32 off,
					    __u8 *nexthdr)
{
	struct ipv6_opt_hdr opt;
	__u8 nh = *nexthdr;
	int i;

	for (i = 0; i < IPV6_MAX_EXT; i++) {
		switch (nh) {
		case NEXTHDR_HOP:
		case NEXTHDR_ROUTING:
		case NEXTHDR_DEST:
		case NEXTHDR_AUTH:
		case NEXTHDR_FRAGMENT:
			break;
		default:
			*nexthdr = nh;
			return off;
		}
		if (bpf_skb_load_bytes(skb, off, &opt, sizeof(opt)) < 0)
			return -1;
		if (nh == NEXTHDR_FRAGMENT)
			off += 8;
		else if (nh == NEXTHDR_AUTH)
			off += (opt.hdrlen + 2) * 4;
		else
			off += (opt.hdrlen + 1) * 8;
		nh = opt.nexthdr;
	}
	return -1;
}

SEC("tc")
int classify_v6(struct __sk_buff *skb)
{
	struct ipv6hdr ip6;
	__u8 nexthdr;
	__u32 key;
	__u64 *cnt;
	int off;

	if (skb->protocol != bpf_htons(ETH_P_IPV6))
		return TC_ACT_OK;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &ip6, sizeof(ip6)) < 0)
		return TC_ACT_OK;
	nexthdr = ip6.nexthdr;
	off = ipv6_skip_exthdr(skb, ETH_HLEN + sizeof(ip6), &nexthdr);
	if (off < 0)
		return TC_ACT_SHOT;
	key = nexthdr;
	cnt = bpf_map_lookup_elem(&l4_proto_count, &key);
	if (cnt)
		*cnt += 1;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
