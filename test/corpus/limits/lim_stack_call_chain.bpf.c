// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: "combined stack size of 6 calls is 544. Too large": a chain of
 * five static helpers, each formatting a 96-byte record on its stack and
 * calling the next, under a main program with 64 bytes of its own.  Each
 * frame alone is small; the deepest call chain is over 512 bytes on every
 * kernel (96 and 64 are multiples of 32, so 6.1's rounding agrees).
 */
// EXPECT: reject
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
	return next(r.w[3] + 1) + (int)r.w[11];			\
}

static __noinline int level5(__u64 seed)
{
	volatile struct rec r;
	int i;

	for (i = 0; i < 12; i++)
		r.w[i] = seed ^ i;
	return (int)r.w[3];
}

LEVEL(level4, level5)
LEVEL(level3, level4)
LEVEL(level2, level3)
LEVEL(level1, level2)

SEC("kprobe/do_nanosleep")
int deep_chain(struct pt_regs *ctx)
{
	volatile __u64 buf[8];
	int i;

	for (i = 0; i < 8; i++)
		buf[i] = bpf_get_prandom_u32();
	return level1(buf[2]) & 1;
}

char LICENSE[] SEC("license") = "GPL";
