// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: a cgroup egress filter that drops IPv4 packets to a blocked TCP
 * port and counts bytes sent, using only __sk_buff fields and helpers that
 * every supported kernel has.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.1, 6.12 and 6.18
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

const volatile __u16 blocked_port = 23;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} bytes_out SEC(".maps");

SEC("cgroup_skb/egress")
int cgroup_skb_egress_limit(struct __sk_buff *skb)
{
	struct iphdr ip;
	struct tcphdr tcp;
	__u32 zero = 0;
	__u64 *n;

	n = bpf_map_lookup_elem(&bytes_out, &zero);
	if (n)
		__sync_fetch_and_add(n, skb->len);
	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 1;
	if (bpf_skb_load_bytes(skb, 0, &ip, sizeof(ip)) || ip.protocol != IPPROTO_TCP)
		return 1;
	if (bpf_skb_load_bytes(skb, ip.ihl * 4, &tcp, sizeof(tcp)))
		return 1;
	return tcp.dest == bpf_htons(blocked_port) ? 0 : 1;
}

char LICENSE[] SEC("license") = "GPL";
