// SPDX-License-Identifier: GPL-2.0
/*
 * sk_lookup: a firewall in the socket lookup path: drop UDP lookups for
 * ports listed in a hash map, and everything coming in on a blocked
 * interface; the context is only read.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 128);
	__type(key, __u16);
	__type(value, __u8);
} blocked_ports SEC(".maps");

const volatile __u32 blocked_ifindex = 0;

SEC("sk_lookup")
int drop_ports(struct bpf_sk_lookup *ctx)
{
	__u16 port = ctx->local_port;

	if (blocked_ifindex && ctx->ingress_ifindex == blocked_ifindex)
		return SK_DROP;
	if (ctx->protocol != 17)
		return SK_PASS;
	if (bpf_map_lookup_elem(&blocked_ports, &port))
		return SK_DROP;
	return SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
