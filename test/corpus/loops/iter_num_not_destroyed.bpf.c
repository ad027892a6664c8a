// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an open-coded iterator that is created and drained but never
 * destroyed (bpf_iter_num_destroy forgotten, e.g. after an early return
 * was added).  The iterator is a resource the verifier tracks; leaving
 * the program with it alive is refused (6.18); 6.1 has no such kfuncs.
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

__u64 total;

SEC("tracepoint/syscalls/sys_enter_sync")
int sum_squares(void *ctx)
{
	struct bpf_iter_num___local it;
	__u64 sum = 0;
	int *i;

	bpf_iter_num_new(&it, 0, 100);
	while ((i = bpf_iter_num_next(&it)))
		sum += (__u64)*i * *i;
	total = sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
