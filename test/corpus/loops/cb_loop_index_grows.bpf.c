// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_loop() callback that indexes a stack array with a counter
 * kept in its context and never checks it: verifiers that walk the
 * callback once see the counter's first value only (0) and accept; those
 * that iterate the callback until its states converge (6.7+) see the
 * counter reach the end of the array and reject the store.
 */
// EXPECT: 6.1 accept, 6.18 reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct fill {
	__u32 n;
	__u8 bytes[8];
};

__u8 out[8];

static long put(__u32 i, struct fill *f)
{
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
