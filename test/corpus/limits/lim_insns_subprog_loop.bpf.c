// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the 1M processed-instruction limit reached inside a static
 * subprogram: a helper that ages a 2 MiB table of counters (halves each
 * one, 262144 iterations), called from the main program.  The
 * instructions of the callee count in the same budget, and the walk ends
 * in the callee's loop.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define WORDS (256 * 1024)

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64[WORDS]);
} scratch SEC(".maps");

static __noinline int age_words(__u64 *buf)
{
	__u32 i;

	if (!buf)
		return 0;
#pragma clang loop unroll(disable)
	for (i = 0; i < WORDS; i++)
		buf[i] >>= 1;
	return 1;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int age_scratch(void *ctx)
{
	__u32 zero = 0;

	return age_words(bpf_map_lookup_elem(&scratch, &zero));
}

char LICENSE[] SEC("license") = "GPL";
