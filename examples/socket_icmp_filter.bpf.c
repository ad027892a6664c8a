// SPDX-License-Identifier: GPL-2.0
/*
 * Socket filter (SO_ATTACH_BPF on a raw/packet socket): count packets per
 * IP protocol and let only ICMP through to the socket.  Socket filters have
 * no direct packet access, so headers are read with bpf_skb_load_bytes().
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_HLEN	14
#define ETH_P_IP	0x0800
#define IPPROTO_ICMP	1

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} seen_protos SEC(".maps");

SEC("socket")
int icmp_only(struct __sk_buff *skb)
{
	__u8 ip_proto;
	__u32 key;
	__u64 *cnt;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 0;	/* drop */

	if (bpf_skb_load_bytes(skb, ETH_HLEN + offsetof(struct iphdr, protocol),
			       &ip_proto, sizeof(ip_proto)) < 0)
		return 0;

	key = ip_proto;
	cnt = bpf_map_lookup_elem(&seen_protos, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);

	if (ip_proto != IPPROTO_ICMP)
		return 0;	/* drop */
	return skb->len;	/* keep the whole packet */
}

char LICENSE[] SEC("license") = "GPL";
