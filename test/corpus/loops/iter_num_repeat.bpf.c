// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: libbpf's bpf_repeat() (an open-coded numeric iterator whose value
 * is not used) walking a linked chain of map entries up to 16 hops, with
 * an early break; the iterator is destroyed on both ways out.  6.1 has no
 * bpf_iter_num kfuncs: the load fails.
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

struct chain_node {
	__u32 next;
	__u32 weight;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct chain_node);
} chain SEC(".maps");

__u64 chain_weight;

SEC("tracepoint/syscalls/sys_enter_sync")
int walk_chain(void *ctx)
{
	__u32 key = 0;
	__u64 w = 0;

	num_repeat(16) {
		struct chain_node *n = bpf_map_lookup_elem(&chain, &key);

		if (!n)
			break;
		w += n->weight;
		key = n->next;
	}
	chain_weight = w;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
