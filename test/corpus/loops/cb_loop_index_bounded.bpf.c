// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the counter-indexed bpf_loop() callback with its check: the
 * callback stops at the end of the array, so every kernel accepts it —
 * the iterating ones (6.7+) after the states at the call converge.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct fill {
	__u32 n;
	__u8 bytes[8];
};

__u8 out[8];

static long put(__u32 i, struct fill *f)
{
	if (f->n >= sizeof(f->bytes))
		return 1;
	f->bytes[f->n] = (__u8)i;
	f->n++;
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int fill_bytes(void *ctx)
{
	struct fill f = {};

	bpf_loop(100, put, &f, 0);
	__builtin_memcpy(out, f.bytes, sizeof(out));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
