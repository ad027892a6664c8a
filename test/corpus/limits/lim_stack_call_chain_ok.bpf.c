// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the combined stack size check accepts the chain of
 * lim_stack_call_chain with one level fewer: four static helpers of 96
 * bytes under a 64-byte main program, 448 bytes at the deepest call.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct rec {
	__u64 w[12];
};

#define LEVEL(name, next)						\
static __noinline int name(__u64 seed)					\
{									\
	volatile struct rec r;						\
	int i;								\
									\
	for (i = 0; i < 12; i++)					\
		r.w[i] = seed + i;					\
	return next(r.w[3] + 1) + (int)r.w[11];				\
}

static __noinline int level4(__u64 seed)
{
	volatile struct rec r;
	int i;

	for (i = 0; i < 12; i++)
		r.w[i] = seed ^ i;
	return (int)r.w[3];
}

LEVEL(level3, level4)
LEVEL(level2, level3)
LEVEL(level1, level2)

SEC("kprobe/do_nanosleep")
int shallow_chain(struct pt_regs *ctx)
{
	volatile __u64 buf[8];
	int i;

	for (i = 0; i < 8; i++)
		buf[i] = bpf_get_prandom_u32();
	return level1(buf[2]) & 1;
}

char LICENSE[] SEC("license") = "GPL";
