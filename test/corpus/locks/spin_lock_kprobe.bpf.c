// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the same counter update under bpf_spin_lock, from a kprobe
 * (tracing) program instead of tc. Whether tracing programs may use
 * bpf_spin_lock depends on the kernel; both 6.1 and 6.18 still refuse it
 * ("tracing progs cannot use bpf_spin_lock yet").
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct if_stats {
	struct bpf_spin_lock lock;
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct if_stats);
} stats SEC(".maps");

SEC("kprobe/vfs_write")
int BPF_KPROBE(count_writes, struct file *file, const char *buf, size_t count)
{
	__u32 key = bpf_get_smp_processor_id();
	struct if_stats *st = bpf_map_lookup_elem(&stats, &key);

	if (!st)
		return 0;
	bpf_spin_lock(&st->lock);
	st->packets++;
	st->bytes += count;
	bpf_spin_unlock(&st->lock);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
