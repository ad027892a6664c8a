// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_for_each_map_elem() callback counts the enabled stages in
 * a counter of the caller's stack struct (c->tried++). Kernels that
 * iterate callbacks until their states converge compare scalars by range
 * at the helper call: the counter is a new constant each round, the
 * iteration never converges and the pending branches exceed the
 * jump-sequence limit ("The sequence of 8193 jumps is too complex.").
 * 6.1 walks the callback once and accepts. (bpfverify accepted it on
 * 6.12/6.18 before its state comparison followed the kernel's precision
 * rules.)
 */
// EXPECT: 6.1 accept, 6.18 reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} stage_cfg SEC(".maps");

struct walk_ctx {
	struct __sk_buff *skb;
	__u32 tried;
};

static long count_stage(struct bpf_map *map, __u32 *key, __u32 *enabled, struct walk_ctx *c)
{
	if (!*enabled)
		return 0;
	c->tried++;
	return 0;
}

SEC("tc")
int tc_count(struct __sk_buff *skb)
{
	struct walk_ctx c = { .skb = skb };

	bpf_for_each_map_elem(&stage_cfg, count_stage, &c, 0);
	return c.tried ? 0 : 2;
}

char LICENSE[] SEC("license") = "GPL";
