// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: a latency histogram stored as one map value with 16 buckets.  The
 * bucket index is clamped with "if (slot > NR_BUCKETS)" instead of ">=", so
 * slot 16, one past the last bucket, is still written: the verifier sees a
 * write at offset 128 of a 128-byte value.  Twin: value_index_clamped.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define NR_BUCKETS 16

struct hist {
	__u64 buckets[NR_BUCKETS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct hist);
} lat_hist SEC(".maps");

SEC("kprobe/vfs_read")
int BPF_KPROBE(read_size, struct file *file, char *buf, size_t count)
{
	__u32 key = 0;
	struct hist *h;
	__u64 slot;

	h = bpf_map_lookup_elem(&lat_hist, &key);
	if (!h)
		return 0;
	slot = count >> 12;
	if (slot > NR_BUCKETS)
		slot = NR_BUCKETS;
	__sync_fetch_and_add(&h->buckets[slot], 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
