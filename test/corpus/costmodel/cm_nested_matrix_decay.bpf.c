// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: two nested constant-bound loops (8 x 16, unrolling disabled)
 * over a 2-D array in a map value: a timer-driven perf_event program
 * that halves ("decays") every counter of a per-CPU heat map and keeps
 * the row maxima, so both loops run to completion on every path.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define ROWS 8
#define COLS 16

struct heat {
	__u32 cell[ROWS][COLS];
	__u32 row_max[ROWS];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct heat);
} heatmap SEC(".maps");

SEC("perf_event")
int decay(struct bpf_perf_event_data *ctx)
{
	__u32 zero = 0;
	struct heat *h = bpf_map_lookup_elem(&heatmap, &zero);
	int r, c;

	if (!h)
		return 0;
#pragma clang loop unroll(disable)
	for (r = 0; r < ROWS; r++) {
		__u32 m = 0;

#pragma clang loop unroll(disable)
		for (c = 0; c < COLS; c++) {
			__u32 v = h->cell[r][c] >> 1;

			h->cell[r][c] = v;
			if (v > m)
				m = v;
		}
		h->row_max[r] = m;
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
