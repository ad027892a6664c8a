// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the jump-sequence limit ("The sequence of 8193 jumps is too
 * complex."): a loop over 16384 slots of an array map that counts the
 * slots matching a value and records the last match.  The match is a
 * branch the verifier cannot decide, so each iteration walks one edge
 * and queues the other; the 8193rd queued branch ends the walk, long
 * before 1M instructions.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SLOTS 16384

struct table {
	__u32 owner[SLOTS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct table);
} owners SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_sync")
int count_owned(void *ctx)
{
	__u32 zero = 0, one = 1, i;
	__u32 me = bpf_get_current_pid_tgid() >> 32;
	struct table *t = bpf_map_lookup_elem(&owners, &zero);
	__u64 *count, *last;

	if (!t)
		return 0;
	count = bpf_map_lookup_elem(&stats, &zero);
	last = bpf_map_lookup_elem(&stats, &one);
	if (!count || !last)
		return 0;
#pragma clang loop unroll(disable)
	for (i = 0; i < SLOTS; i++) {
		if (t->owner[i] == me) {
			__sync_fetch_and_add(count, 1);
			*last = i;
		}
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
