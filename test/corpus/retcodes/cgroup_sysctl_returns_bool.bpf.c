// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a cgroup/sysctl program that denies writes: returns 0 for
 * writes, 1 otherwise, computed from a comparison, so the verifier sees
 * a value in [0, 1].
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/sysctl")
int ro_sysctl(struct bpf_sysctl *ctx)
{
	return ctx->write == 0;
}

char LICENSE[] SEC("license") = "GPL";
