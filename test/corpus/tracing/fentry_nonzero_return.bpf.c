// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: fentry programs must return 0; one that returns 1 (copied from a
 * kprobe handler where the value is ignored) is rejected at exit.
 */
// EXPECT: reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

u64 calls;

SEC("fentry/do_unlinkat")
int BPF_PROG(count_unlink, int dfd, struct filename *name)
{
	__sync_fetch_and_add(&calls, 1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
