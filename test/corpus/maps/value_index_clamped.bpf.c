// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: the histogram of value_index_off_by_one.bpf.c with the clamp fixed
 * ("slot >= NR_BUCKETS" goes to the last bucket): the index is provably in
 * [0, 15] and the write stays inside the 128-byte value.
 */
// EXPECT: accept
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
	if (slot >= NR_BUCKETS)
		slot = NR_BUCKETS - 1;
	__sync_fetch_and_add(&h->buckets[slot], 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
