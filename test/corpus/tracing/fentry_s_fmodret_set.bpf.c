// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a sleepable fentry on a function the kernel lists in its
 * modify-return kfunc set with KF_SLEEPABLE (6.12: bpf_fentry_test1 in
 * net/bpf/test_run.c's bpf_test_modify_return_ids), which makes it a valid
 * sleepable target without an error-injection list. 6.1 has no such set:
 * "bpf_fentry_test1 is not sleepable".
 */
// EXPECT: accept (6.1: reject; 6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

__u64 calls;
int last_arg;

SEC("fentry.s/bpf_fentry_test1")
int BPF_PROG(test1_enter, int a)
{
	__sync_fetch_and_add(&calls, 1);
	last_arg = a;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
