// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_loop() inside a bpf_loop() callback (a 2-D walk over a small
 * matrix on the stack of the program): the inner callback gets a pointer
 * into the outer program's frame (two frames up) and bounds both indexes;
 * the column index is taken as a u64 so that the compiler tests and uses
 * the same register.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define ROWS 4
#define COLS 8

struct grid {
	__u32 cell[ROWS][COLS];
	__u32 row;
	__u64 sum;
};

__u64 grid_sum;

static long visit_col(__u64 j, struct grid *g)
{
	__u32 r = g->row;

	if (j >= COLS || r >= ROWS)
		return 1;
	g->sum += g->cell[r][j];
	return 0;
}

static long visit_row(__u32 i, struct grid *g)
{
	g->row = i;
	bpf_loop(COLS, visit_col, g, 0);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int sum_grid(void *ctx)
{
	struct grid g = {};

	g.cell[1][2] = 7;
	bpf_loop(ROWS, visit_row, &g, 0);
	grid_sum = g.sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
