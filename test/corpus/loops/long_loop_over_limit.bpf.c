// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the same checksum loop with 250000 iterations (a checksum over a
 * big scratch area, 8 bytes at a time, kept as a loop).  Every
 * iteration is walked: 250000 x 4 instructions exceeds the 1M budget.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define WORDS 250000

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64[WORDS]);
} scratch SEC(".maps");

__u64 csum;

SEC("tracepoint/syscalls/sys_enter_sync")
int checksum(void *ctx)
{
	__u32 zero = 0, i;
	__u64 *buf = bpf_map_lookup_elem(&scratch, &zero);
	__u64 s = 0;

	if (!buf)
		return 0;
#pragma clang loop unroll(disable)
	for (i = 0; i < WORDS; i++)
		s ^= buf[i];
	csum = s;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
