// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: keeping the last element bpf_iter_num_next() returned and
 * reading it after bpf_iter_num_destroy().  The element belongs to the
 * iterator's reference: destroy invalidates it, and the read is refused.
 * 6.1 has no such kfuncs: the load fails.
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

__u32 last_index;

SEC("tracepoint/syscalls/sys_enter_sync")
int remember_last(void *ctx)
{
	struct bpf_iter_num___local it;
	int *i, *last = 0;

	bpf_iter_num_new(&it, 0, 10);
	while ((i = bpf_iter_num_next(&it)))
		last = i;
	bpf_iter_num_destroy(&it);
	if (last)
		last_index = *last;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
