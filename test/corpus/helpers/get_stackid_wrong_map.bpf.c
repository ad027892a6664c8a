// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_stackid() on an ordinary hash map.  A profiler stores
 * stack ids as keys of a counting map and passes that map to
 * bpf_get_stackid() instead of the BPF_MAP_TYPE_STACK_TRACE map that holds
 * the stacks themselves.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

SEC("perf_event")
int profile(struct bpf_perf_event_data *ctx)
{
	__u64 one = 1, *v;
	__u32 id = bpf_get_stackid(ctx, &counts, 0);

	v = bpf_map_lookup_elem(&counts, &id);
	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(&counts, &id, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
