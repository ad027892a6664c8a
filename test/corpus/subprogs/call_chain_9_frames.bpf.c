// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: one call more than call_chain_8_frames: main plus eight static
 * subprograms = 9 frames, over the kernel's limit of 8 call frames.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

static __noinline int level8(__u64 x)
{
	return (int)(x * 8 + 1);
}

static __noinline int level7(__u64 x)
{
	if (x & 1)
		return level8(x >> 1) + 7;
	return (int)x;
}

static __noinline int level6(__u64 x)
{
	if (x & 1)
		return level7(x >> 1) + 6;
	return (int)x;
}

static __noinline int level5(__u64 x)
{
	if (x & 1)
		return level6(x >> 1) + 5;
	return (int)x;
}

static __noinline int level4(__u64 x)
{
	if (x & 1)
		return level5(x >> 1) + 4;
	return (int)x;
}

static __noinline int level3(__u64 x)
{
	if (x & 1)
		return level4(x >> 1) + 3;
	return (int)x;
}

static __noinline int level2(__u64 x)
{
	if (x & 1)
		return level3(x >> 1) + 2;
	return (int)x;
}

static __noinline int level1(__u64 x)
{
	if (x & 1)
		return level2(x >> 1) + 1;
	return (int)x;
}

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(deep_calls)
{
	return level1(bpf_get_prandom_u32());
}

char LICENSE[] SEC("license") = "GPL";
