// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_stackid() in XDP, to see which kernel path delivered a
 * packet.  Stack helpers are tracing helpers and not part of any set XDP
 * gets.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(max_entries, 1024);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, 127 * sizeof(__u64));
} stacks SEC(".maps");

__s64 last_id;

SEC("xdp")
int rx_stack(struct xdp_md *ctx)
{
	last_id = bpf_get_stackid(ctx, &stacks, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
