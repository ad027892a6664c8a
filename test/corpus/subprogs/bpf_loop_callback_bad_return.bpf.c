// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_loop() callback that returns the running sum instead of
 * 0 (continue) or 1 (stop). The verifier checks callback return values
 * against the range [0, 1].
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct loop_ctx {
	__u64 sum;
};

static int add_one(__u32 i, void *data)
{
	struct loop_ctx *lc = data;

	lc->sum += i;
	return lc->sum; /* BUG: must be 0 or 1 */
}

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(loop_sum)
{
	struct loop_ctx lc = {};

	bpf_loop(64, add_one, &lc, 0);
	return lc.sum & 1;
}

char LICENSE[] SEC("license") = "GPL";
