// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: "infinite loop detected": walking a linked list kept in an array
 * map by index (each node names the next one, 0 ends the list).  Nothing
 * bounds the walk: every pass reads an unknown next index, so the state at
 * the loop head is the same as on the pass before, and the verifier stops
 * there.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct flow_rec {
	__u32 next;
	__u32 pid;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct flow_rec);
} nodes SEC(".maps");

__u64 total_bytes;

SEC("kprobe/vfs_write")
int sum_list(struct pt_regs *ctx)
{
	__u32 idx = 1;
	__u64 sum = 0;

	while (idx) {
		struct flow_rec *n = bpf_map_lookup_elem(&nodes, &idx);

		if (!n)
			break;
		idx = n->next;
	}
	total_bytes = sum;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
