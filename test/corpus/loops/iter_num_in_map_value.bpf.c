// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an iterator kept in a map value (a per-CPU cursor meant to
 * survive between runs).  Iterators live on the program's stack only:
 * "arg#0 expected pointer to an iterator on stack".  6.1 has no such
 * kfuncs: the load fails.
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

struct cursor {
	struct bpf_iter_num___local it;
	__u64 pos;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct cursor);
} cursors SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_sync")
int resume_scan(void *ctx)
{
	__u32 zero = 0;
	struct cursor *c = bpf_map_lookup_elem(&cursors, &zero);

	if (!c)
		return 0;
	bpf_iter_num_new(&c->it, 0, 128);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
