// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: two nested bpf_for() loops (two numeric iterators alive at once
 * in different stack slots) filling a small matrix in a map value, both
 * indices checked.  The inner iterator is created and destroyed once per
 * outer iteration.  6.1 has no bpf_iter_num kfuncs: the load fails.
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

/* libbpf's bpf_for(i, start, end), written out (the distribution's libbpf
 * headers predate it): the iterator is destroyed when the loop's scope
 * ends, whichever way it is left */
#define num_for(i, start, end)							\
	for (struct bpf_iter_num___local ___it					\
		__attribute__((cleanup(bpf_iter_num_destroy))),		\
		*___p = (bpf_iter_num_new(&___it, (start), (end)), &___it);	\
	     ({ int *___v = bpf_iter_num_next(___p); ___v ? ((i) = *___v, 1) : 0; }); )

/* libbpf's bpf_repeat(n): the body n times, no index */
#define num_repeat(n)								\
	for (struct bpf_iter_num___local ___it					\
		__attribute__((cleanup(bpf_iter_num_destroy))),		\
		*___p = (bpf_iter_num_new(&___it, 0, (n)), &___it);		\
	     bpf_iter_num_next(___p); )

struct matrix {
	__u32 cell[8][8];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct matrix);
} grid SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_sync")
int fill_grid(void *ctx)
{
	__u32 zero = 0;
	struct matrix *m = bpf_map_lookup_elem(&grid, &zero);
	int r, c;

	if (!m)
		return 0;
	num_for(r, 0, 8) {
		if (r < 0 || r >= 8)
			break;
		num_for(c, 0, 8) {
			if (c < 0 || c >= 8)
				break;
			m->cell[r][c] = r * 8 + c;
		}
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
