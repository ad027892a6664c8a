// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an open-coded numeric iterator (bpf_iter_num_new/next/destroy,
 * kernel 6.4+; what libbpf's bpf_for() expands to, written out because
 * the distribution's libbpf headers predate bpf_for).  The verifier
 * checks the body once per state, not per iteration.  6.1 has no such
 * kfuncs: libbpf leaves the weak calls unresolved and the load fails.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct bpf_iter_num___local {
	__u64 __opaque[1];
} __attribute__((aligned(8)));

extern int bpf_iter_num_new(struct bpf_iter_num___local *it, int start, int end) __weak __ksym;
extern int *bpf_iter_num_next(struct bpf_iter_num___local *it) __weak __ksym;
extern void bpf_iter_num_destroy(struct bpf_iter_num___local *it) __weak __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

__u64 total;

SEC("tracepoint/syscalls/sys_enter_sync")
int sum_counters(void *ctx)
{
	struct bpf_iter_num___local it;
	__u64 sum = 0;
	int *i;

	bpf_iter_num_new(&it, 0, 256);
	while ((i = bpf_iter_num_next(&it))) {
		__u32 key = *i;
		__u64 *v = bpf_map_lookup_elem(&counters, &key);

		if (v)
			sum += *v;
	}
	bpf_iter_num_destroy(&it);
	total = sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
