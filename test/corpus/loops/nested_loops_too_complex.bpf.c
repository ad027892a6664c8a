// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: two nested bounded loops of 1024 iterations each (a naive
 * "compare every slot with every other slot" dedup).  Each inner
 * iteration is a distinct verifier state, so a million iterations exceed
 * the 1M processed-instruction limit.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define N 1024

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, N);
	__type(key, __u32);
	__type(value, __u32);
} slots SEC(".maps");

__u64 dups;

SEC("tracepoint/syscalls/sys_enter_sync")
int count_dups(void *ctx)
{
	__u32 i, j;

#pragma clang loop unroll(disable)
	for (i = 0; i < N; i++) {
#pragma clang loop unroll(disable)
		for (j = i + 1; j < N; j++) {
			__u32 ki = i, kj = j;
			__u32 *a = bpf_map_lookup_elem(&slots, &ki);
			__u32 *b = bpf_map_lookup_elem(&slots, &kj);

			if (a && b && *a == *b)
				dups++;
		}
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
