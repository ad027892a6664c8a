// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a perf_event program tries to slow its own sampling down by
 * writing ctx->sample_period.  The perf_event context is read-only.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("perf_event")
int throttle(struct bpf_perf_event_data *ctx)
{
	if (ctx->sample_period < 100000)
		ctx->sample_period = 100000;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
