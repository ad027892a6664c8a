// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed: the bucket index is clamped to the last bucket before it is used
 * to index the array in the map value.
 */
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define NR_BUCKETS 16

struct read_hist {
	__u64 bucket[NR_BUCKETS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct read_hist);
} hist SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_read")
int read_size_hist(struct trace_event_raw_sys_enter *ctx)
{
	__u64 slot = ctx->args[2] >> 10;	/* count, in KiB */
	struct read_hist *h;
	__u32 key = 0;

	if (slot >= NR_BUCKETS)
		slot = NR_BUCKETS - 1;
	h = bpf_map_lookup_elem(&hist, &key);
	if (!h)
		return 0;
	__sync_fetch_and_add(&h->bucket[slot], 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
