// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a typed per-CPU ksym is the variable's per-CPU address, not
 * this CPU's copy. Reading `runqueues.nr_running` directly, as if it were
 * an ordinary global, is refused: per-CPU memory can only be reached
 * through bpf_this_cpu_ptr() or bpf_per_cpu_ptr().
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern const struct rq runqueues __ksym;

__u64 busy_samples;

SEC("perf_event")
int sample_busy(void *ctx)
{
	if (runqueues.nr_running > 1)
		__sync_fetch_and_add(&busy_samples, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
