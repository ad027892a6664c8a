// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a loop whose only exit is a running sum reaching a limit:
 * "for (sum = 0; sum < 1000; sum += step)" with step read from a map and
 * clamped to [1, 64].  The verifier cannot bound the trip count by a
 * counter; it terminates because the lower bound of sum grows by one on
 * every walk, so it walks about a thousand iterations (a heavy but
 * accepted loop, sensitive to pruning).
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} step_cfg SEC(".maps");

__u32 rounds;

SEC("tracepoint/syscalls/sys_enter_getpid")
int sum_to_limit(void *ctx)
{
	__u32 zero = 0, step, sum, n = 0;
	__u32 *sp = bpf_map_lookup_elem(&step_cfg, &zero);

	if (!sp)
		return 0;
	step = *sp;
	if (step < 1 || step > 64)
		return 0;
#pragma clang loop unroll(disable)
	for (sum = 0; sum < 1000; sum += step)
		n++;
	rounds = n;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
