// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a global function returning void. Older kernels required every
 * global function to return a scalar ("doesn't return scalar").
 * Finding: 6.18 still rejects a void global function, same message.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} drops SEC(".maps");

__noinline void note_drop(__u32 len)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&drops, &key);

	if (v)
		__sync_fetch_and_add(v, len);
}

SEC("xdp")
int xdp_drop_big(struct xdp_md *ctx)
{
	__u32 len = ctx->data_end - ctx->data;

	if (len > 1500) {
		note_drop(len);
		return XDP_DROP;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
