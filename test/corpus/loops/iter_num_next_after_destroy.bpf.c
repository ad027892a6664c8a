// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a loop that destroys its iterator on an error path and then
 * goes on calling bpf_iter_num_next() on it.  After destroy the slots are
 * plain stack again: "expected an initialized iter_num as arg #0".  6.1
 * has no such kfuncs: the load fails.
 */
// EXPECT: reject on 6.12 and 6.18; load_error on 6.1
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* bpf_experimental.h-style declarations; the struct is local (6.1 and 6.12
 * vmlinux.h may lack it), matched to the kernel's by CO-RE flavour rules */
struct bpf_iter_num___local {
	__u64 __opaque[1];
} __attribute__((aligned(8)));

extern int bpf_iter_num_new(struct bpf_iter_num___local *it, int start, int end) __ksym;
extern int *bpf_iter_num_next(struct bpf_iter_num___local *it) __ksym;
extern void bpf_iter_num_destroy(struct bpf_iter_num___local *it) __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} quota SEC(".maps");

__u64 used;

SEC("tracepoint/syscalls/sys_enter_sync")
int charge(void *ctx)
{
	struct bpf_iter_num___local it;
	__u64 sum = 0;
	int *i;

	bpf_iter_num_new(&it, 0, 16);
	while ((i = bpf_iter_num_next(&it))) {
		__u32 key = *i;
		__u64 *q = bpf_map_lookup_elem(&quota, &key);

		if (!q) {
			bpf_iter_num_destroy(&it);
			continue;
		}
		sum += *q;
	}
	bpf_iter_num_destroy(&it);
	used = sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
