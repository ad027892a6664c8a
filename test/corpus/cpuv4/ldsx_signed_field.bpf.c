// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a sign-extending load (BPF_LDX | BPF_MEMSX, cpu v4) of a signed
 * char / short from a map value: -mcpu=v4 loads "r = *(s8 *)(r + off)"
 * instead of load + shifts.
 * ORACLE-CFLAGS: -mcpu=v4
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct cfg {
	__s8 nice_min;
	__s16 prio_bias;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct cfg);
} prio_cfg SEC(".maps");

__s64 score;

SEC("tc")
int tc_score(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct cfg *c = bpf_map_lookup_elem(&prio_cfg, &key);

	if (!c)
		return 0;
	score = (__s64)c->nice_min * 100 + c->prio_bias;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
