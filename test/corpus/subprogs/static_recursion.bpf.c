// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a recursive static function (a bit-folding hash written
 * recursively, as one would in user space). BPF
 * programs may not recurse: the call graph must be acyclic.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

static __noinline int hash_bits(__u32 n)
{
	int r;

	if (n == 0)
		return 0;
	r = hash_bits(n >> 1);
	return (r << 1) ^ (r >> 3) ^ (n & 1);
}

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(on_sleep)
{
	return hash_bits(bpf_get_prandom_u32());
}

char LICENSE[] SEC("license") = "GPL";
