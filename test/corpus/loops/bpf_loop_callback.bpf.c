// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_loop() (5.17+) with a static callback and a context struct
 * on the caller's stack: the callback is verified once, whatever the
 * iteration count, which is the usual fix for loops that are too long for
 * the verifier to walk.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define WORDS 250000

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64[WORDS]);
} scratch SEC(".maps");

struct csum_ctx {
	__u64 *buf;
	__u64 sum;
};

__u64 csum;

static long csum_step(__u32 i, struct csum_ctx *c)
{
	if (i >= WORDS)
		return 1;	/* stop */
	c->sum ^= c->buf[i];
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int checksum(void *ctx)
{
	__u32 zero = 0;
	struct csum_ctx c = {};

	c.buf = bpf_map_lookup_elem(&scratch, &zero);
	if (!c.buf)
		return 0;
	bpf_loop(WORDS, csum_step, &c, 0);
	csum = c.sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
