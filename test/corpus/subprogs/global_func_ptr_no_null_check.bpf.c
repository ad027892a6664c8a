// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global function with a pointer-to-struct argument dereferences
 * it without a NULL check. Global functions are verified independently of
 * their callers, and a pointer argument may be NULL there, so the callee
 * must check it even if every caller passes a valid pointer.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct flow {
	__u32 saddr;
	__u32 daddr;
	__u64 hits;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct flow);
} flows SEC(".maps");

__noinline int flow_hit(struct flow *f)
{
	f->hits++; /* BUG: no NULL check in a global function */
	return 0;
}

SEC("xdp")
int xdp_flows(struct xdp_md *ctx)
{
	__u32 key = ctx->ingress_ifindex;
	struct flow *f = bpf_map_lookup_elem(&flows, &key);

	if (f)
		flow_hit(f);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
