// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an iterator created by the caller and advanced inside a static
 * (inlined-off) subprogram through a pointer to the caller's stack, then
 * destroyed by the caller.  Iterator slots are found through the
 * pointer's frame.  6.1 has no such kfuncs: the load fails.
 */
// EXPECT: accept on 6.12 and 6.18; load_error on 6.1
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

__u64 checksum;

static __noinline int next_or_stop(struct bpf_iter_num___local *it)
{
	int *i = bpf_iter_num_next(it);

	return i ? *i : -1;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int mix(void *ctx)
{
	struct bpf_iter_num___local it;
	__u64 sum = 0;
	int v;

	bpf_iter_num_new(&it, 0, 8);
	while ((v = next_or_stop(&it)) >= 0)
		sum = sum * 31 + v;
	bpf_iter_num_destroy(&it);
	checksum = sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
