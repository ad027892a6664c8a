// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: an XDP firewall dropping IPv4 packets from blocklisted source
 * addresses (an LPM trie of prefixes) and counting drops per CPU.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.1, 6.12 and 6.18
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

struct lpm_v4 {
	__u32 prefixlen;
	__u32 addr;
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 16384);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct lpm_v4);
	__type(value, __u8);
} blocklist SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} drops SEC(".maps");

SEC("xdp")
int xdp_blocklist(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct lpm_v4 key;
	struct iphdr *ip;
	__u32 zero = 0;
	__u64 *n;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;
	key.prefixlen = 32;
	key.addr = ip->saddr;
	if (!bpf_map_lookup_elem(&blocklist, &key))
		return XDP_PASS;
	n = bpf_map_lookup_elem(&drops, &zero);
	if (n)
		*n += 1;
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
