// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: using the numeric iterator's value as an array index without a
 * bounds check, assuming the verifier knows it lies in [0, 16) because
 * the iterator was created with those bounds.  It does not: the value
 * returned by bpf_iter_num_next() is an unknown integer to the verifier.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct bpf_iter_num___local {
	__u64 __opaque[1];
} __attribute__((aligned(8)));

extern int bpf_iter_num_new(struct bpf_iter_num___local *it, int start, int end) __weak __ksym;
extern int *bpf_iter_num_next(struct bpf_iter_num___local *it) __weak __ksym;
extern void bpf_iter_num_destroy(struct bpf_iter_num___local *it) __weak __ksym;

struct slots {
	__u64 v[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct slots);
} table SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_sync")
int clear_slots(void *ctx)
{
	struct bpf_iter_num___local it;
	__u32 zero = 0;
	struct slots *s = bpf_map_lookup_elem(&table, &zero);
	int *i;

	if (!s)
		return 0;
	bpf_iter_num_new(&it, 0, 16);
	while ((i = bpf_iter_num_next(&it)))
		s->v[*i] = 0;
	bpf_iter_num_destroy(&it);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
