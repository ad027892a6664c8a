// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a static callback subprogram driven by bpf_loop() (instead of an
 * unrolled loop), with a context struct on the caller's stack. The
 * callback's frame and its ctx pointer are checked like a static call.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct loop_ctx {
	__u64 sum;
	__u32 limit;
};

static int add_one(__u32 i, void *data)
{
	struct loop_ctx *lc = data;

	lc->sum += i;
	return lc->sum > lc->limit; /* 1 stops the loop */
}

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(loop_sum)
{
	struct loop_ctx lc = { .limit = 1000 };

	bpf_loop(64, add_one, &lc, 0);
	return lc.sum & 1;
}

char LICENSE[] SEC("license") = "GPL";
