// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a perf_event sampling program reads sample_period (u64) and the
 * sampled instruction pointer from the saved registers, and reads only the
 * low 32 bits of addr with a narrow load.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, __u64);
} ip_hits SEC(".maps");

SEC("perf_event")
int sample(struct bpf_perf_event_data *ctx)
{
	__u64 ip = PT_REGS_IP(&ctx->regs);
	__u64 period = ctx->sample_period;
	__u32 addr_lo = *(volatile __u32 *)&ctx->addr;
	__u64 *hits;

	if (addr_lo == 0xdead)
		return 0;
	hits = bpf_map_lookup_elem(&ip_hits, &ip);
	if (hits)
		__sync_fetch_and_add(hits, period);
	else
		bpf_map_update_elem(&ip_hits, &ip, &period, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
