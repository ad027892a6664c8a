// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a bpf_loop() callback that returns -1 to mean "stop" (the habit
 * from other iterator APIs): bpf_loop callbacks must return 0 (continue)
 * or 1 (stop), and the verifier checks R0 at the callback's exit.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} slots SEC(".maps");

__u32 first_free;

static long find_free(__u32 i, __u32 *found)
{
	__u64 *v = bpf_map_lookup_elem(&slots, &i);

	if (!v)
		return 0;
	if (*v == 0) {
		*found = i;
		return -1;
	}
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int alloc_slot(void *ctx)
{
	__u32 found = ~0u;

	bpf_loop(64, find_free, &found, 0);
	first_free = found;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
