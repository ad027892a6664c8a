// SPDX-License-Identifier: GPL-2.0
/*
 * Scalars: summing 16 counters of a map value in a bounded loop (not
 * unrolled), the loop counter used as the index: the verifier walks every
 * iteration and the index stays in [0, 15].
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct hist {
	__u64 b[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct hist);
} h SEC(".maps");

SEC("tracepoint/sched/sched_process_exit")
int sum_hist(void *ctx)
{
	__u32 key = 0;
	struct hist *p = bpf_map_lookup_elem(&h, &key);
	__u64 sum = 0;
	int i;

	if (!p)
		return 0;
#pragma clang loop unroll(disable)
	for (i = 0; i < 16; i++)
		sum += p->b[i];
	bpf_printk("sum %llu", sum);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
