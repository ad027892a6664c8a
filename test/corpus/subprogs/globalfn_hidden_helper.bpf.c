// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a non-static helper function with hidden visibility (libbpf's
 * __hidden, as usdt.bpf.h and many libraries mark their helpers): libbpf
 * rewrites its BTF linkage to static before the load, so the verifier
 * walks it in the caller's context and its pointer argument is the
 * caller's checked map value; the missing NULL check inside is fine. The
 * same function without __hidden is global and is rejected
 * (global_func_ptr_no_null_check).
 * EXPECT: accept
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

__hidden __noinline int flow_hit(struct flow *f)
{
	f->hits++;
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
