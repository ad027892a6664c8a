// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_loop() callback defined without `static` (a global
 * function in BTF): the verifier takes only static subprograms as
 * callbacks, and says so where the program loads the callback's address.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__u64 ticks;

__attribute__((noinline)) long tick(__u32 i, void *ctx)
{
	ticks++;
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int run_ticks(void *ctx)
{
	bpf_loop(8, tick, NULL, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
