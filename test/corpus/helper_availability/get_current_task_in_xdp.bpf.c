// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_current_task() in XDP.  Someone wants the "current" task
 * while a packet is processed (it is whatever task the softirq
 * interrupted, meaningless for XDP).  Observed: both kernels offer it to
 * a privileged (CAP_PERFMON) loader through the base helper set.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} last_task SEC(".maps");

SEC("xdp")
int who_runs(struct xdp_md *ctx)
{
	__u32 zero = 0;
	__u64 *v = bpf_map_lookup_elem(&last_task, &zero);

	if (v)
		*v = bpf_get_current_task();
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
