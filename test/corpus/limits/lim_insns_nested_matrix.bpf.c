// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the 1M processed-instruction limit on two nested bounded loops
 * without a branch in their bodies: the sum of every cell of a 1024 x 512
 * matrix of counters in an array map.  Every inner iteration of every
 * outer one is a distinct state, so the walk runs out of its budget in
 * the inner loop of the 200-somethingth row.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define ROWS 1024
#define COLS 512

struct matrix {
	__u32 cell[ROWS][COLS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct matrix);
} counters SEC(".maps");

__u64 total;

SEC("tracepoint/syscalls/sys_enter_sync")
int sum_matrix(void *ctx)
{
	__u32 zero = 0, r, c;
	struct matrix *m = bpf_map_lookup_elem(&counters, &zero);
	__u64 s = 0;

	if (!m)
		return 0;
#pragma clang loop unroll(disable)
	for (r = 0; r < ROWS; r++) {
#pragma clang loop unroll(disable)
		for (c = 0; c < COLS; c++)
			s += m->cell[r][c];
	}
	total = s;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
