// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of global_func_ptr_no_null_check: the global
 * function checks its pointer-to-struct argument for NULL before the
 * write, as the verifier requires of global functions.
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

__noinline int flow_hit(struct flow *f)
{
	if (!f)
		return -1;
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
