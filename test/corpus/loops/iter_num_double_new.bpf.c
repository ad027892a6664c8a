// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an iterator created twice without being destroyed in between (a
 * retry path that restarts the scan with bpf_iter_num_new() on the same
 * struct).  The kernel wants uninitialised stack for new: "expected
 * uninitialized iter_num as arg #0".  6.1 has no such kfuncs: the load
 * fails.
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
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} seen SEC(".maps");

__u32 found;

SEC("tracepoint/syscalls/sys_enter_sync")
int find_first(void *ctx)
{
	struct bpf_iter_num___local it;
	int *i;

	bpf_iter_num_new(&it, 0, 64);
	i = bpf_iter_num_next(&it);
	if (!i) {
		/* empty range: start over from the other end */
		bpf_iter_num_new(&it, 32, 64);
		i = bpf_iter_num_next(&it);
	}
	if (i)
		found = *i;
	bpf_iter_num_destroy(&it);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
