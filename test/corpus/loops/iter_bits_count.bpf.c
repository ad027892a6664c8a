// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the bit iterator (bpf_iter_bits_new/next/destroy, kernel 6.11+):
 * counts the CPUs set in a mask kept in a map value, each bit index
 * checked before it is used as an array index.  Same iterator machinery
 * as bpf_iter_num, a two-slot iterator struct.  6.1 has no such kfuncs:
 * the load fails.
 */
// EXPECT: accept on 6.12 and 6.18; load_error on 6.1
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct bpf_iter_bits___local {
	__u64 __opaque[2];
} __attribute__((aligned(8)));

extern int bpf_iter_bits_new(struct bpf_iter_bits___local *it, const __u64 *unsafe_ptr__ign,
			     __u32 nr_words) __ksym;
extern int *bpf_iter_bits_next(struct bpf_iter_bits___local *it) __ksym;
extern void bpf_iter_bits_destroy(struct bpf_iter_bits___local *it) __ksym;

struct cpu_set {
	__u64 mask[2];
	__u32 hits[128];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct cpu_set);
} cpus SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_sync")
int count_cpus(void *ctx)
{
	struct bpf_iter_bits___local it;
	__u32 zero = 0;
	struct cpu_set *s = bpf_map_lookup_elem(&cpus, &zero);
	int *bit;

	if (!s)
		return 0;
	bpf_iter_bits_new(&it, s->mask, 2);
	while ((bit = bpf_iter_bits_next(&it))) {
		int b = *bit;

		if (b < 0 || b >= 128)
			break;
		s->hits[b]++;
	}
	bpf_iter_bits_destroy(&it);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
