// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_loop() called with a NULL callback context while the
 * callback writes through it: the callback's second argument is what the
 * caller passed (a known 0 here), so the store is through a scalar.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

static long bump(__u32 i, __u64 *count)
{
	*count += 1;
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int count_ticks(void *ctx)
{
	bpf_loop(16, bump, NULL, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
