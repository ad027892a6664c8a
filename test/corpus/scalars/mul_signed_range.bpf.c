// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: a signed step in [-4, 3] is scaled by 3 and re-centred (+12) to
 * index a 24-byte table.  Bounds of a multiplication with a negative
 * operand were dropped by older verifiers (6.1); newer ones keep signed
 * products (BPF_MUL precision work in 6.14+).  The barriers keep clang from
 * folding the +12 into the load's constant offset, which would leave a
 * possibly negative register offset (unbounded on every kernel).
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct table {
	__u8 v[24];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct table);
} tbl SEC(".maps");

SEC("tracepoint/sched/sched_wakeup")
int scaled_step(void *ctx)
{
	__u32 key = 0;
	struct table *t = bpf_map_lookup_elem(&tbl, &key);
	long step, idx;

	if (!t)
		return 0;
	step = (long)(bpf_get_prandom_u32() & 7) - 4;
	asm volatile("" : "+r"(step));
	idx = step * 3 + 12;
	asm volatile("" : "+r"(idx));	/* keep +12 out of the load offset */
	t->v[idx]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
