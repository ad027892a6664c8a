// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: reading past the element bpf_iter_num_next() returns (the code
 * takes it for a pointer into an array of indices and reads the next one
 * too).  The value is 4 bytes of read-only memory: the kernel refuses
 * the read at offset 4.  6.1 has no such kfuncs: the load fails.
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

__u64 pairs;

SEC("tracepoint/syscalls/sys_enter_sync")
int count_pairs(void *ctx)
{
	struct bpf_iter_num___local it;
	__u64 n = 0;
	int *i;

	bpf_iter_num_new(&it, 0, 100);
	while ((i = bpf_iter_num_next(&it))) {
		if (i[0] + 1 == i[1])
			n++;
	}
	bpf_iter_num_destroy(&it);
	pairs = n;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
