// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_for_each_map_elem() callback, walked from a static
 * subprogram, tail-calls the handler program of each configured stage.
 * A tail call from a callback cannot work (it would unwind the helper's
 * frames). 6.18 follows a successful tail call in a subprogram as its
 * return; for a callback its precision backtracking then fails
 * ("verifier bug: callback unexpected regs 1"); 6.1 and 6.12 accept it.
 */
// EXPECT: 6.1 accept, 6.18 reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 8);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} handlers SEC(".maps");

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

static long try_stage(struct bpf_map *map, __u32 *key, __u32 *enabled, struct walk_ctx *c)
{
	if (!*enabled)
		return 0;
	c->tried = 1;
	bpf_tail_call(c->skb, &handlers, *key);
	return 0;
}

static __noinline int run_stages(struct __sk_buff *skb)
{
	struct walk_ctx c = { .skb = skb };

	bpf_for_each_map_elem(&stage_cfg, try_stage, &c, 0);
	return c.tried;
}

SEC("tc")
int tc_dispatch(struct __sk_buff *skb)
{
	return run_stages(skb) ? 0 : 2;
}

char LICENSE[] SEC("license") = "GPL";
