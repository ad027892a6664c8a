// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: bpf_per_cpu_ptr() wants the per-CPU variable itself. Passing
 * the address of one of its fields (&runqueues.nr_running, a per-CPU
 * pointer with an offset) is refused: a modified per-CPU pointer may not
 * be handed to a helper.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern const struct rq runqueues __ksym;

__u32 cpu0_running;

SEC("perf_event")
int sample_cpu0(void *ctx)
{
	const unsigned int *nr = bpf_per_cpu_ptr(&runqueues.nr_running, 0);

	if (nr)
		cpu0_running = *nr;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
