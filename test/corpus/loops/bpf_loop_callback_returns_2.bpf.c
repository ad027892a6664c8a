// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_loop() callback returning 2 ("skip") as if it were an
 * enum with three values.  Callbacks must return 0 (continue) or 1
 * (stop); the verifier checks the callback's return range.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

__u64 nonzero;

static long visit(__u32 i, void *data)
{
	__u64 *v = bpf_map_lookup_elem(&counters, &i);

	if (!v)
		return 1;
	if (*v == 0)
		return 2;	/* meant: skip this one */
	nonzero++;
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int count_nonzero(void *ctx)
{
	bpf_loop(64, visit, NULL, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
