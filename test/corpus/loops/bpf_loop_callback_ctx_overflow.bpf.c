// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_loop() callback that indexes an array in the caller's
 * context struct with the loop index, without checking it: the caller
 * passes 16 iterations, but the verifier checks the callback for any
 * index and finds the stack access out of bounds.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct fill_ctx {
	__u32 vals[16];
};

__u64 out;

static long fill(__u32 i, struct fill_ctx *c)
{
	c->vals[i] = i * i;
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int squares(void *ctx)
{
	struct fill_ctx c = {};

	bpf_loop(16, fill, &c, 0);
	out = c.vals[15];
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
