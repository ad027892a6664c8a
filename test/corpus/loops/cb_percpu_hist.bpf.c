// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: per-CPU histogram aggregation with bpf_for_each_map_elem(): a
 * kprobe fills a log2 latency histogram in a per-CPU hash map, and a
 * second program folds every bucket into a plain array with a callback
 * that gets (map, key, value, ctx), as a periodic exporter does.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define NR_SLOTS 32

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, NR_SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} hist SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NR_SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} folded SEC(".maps");

struct fold_ctx {
	__u64 buckets;
	__u64 samples;
};

static __always_inline __u32 log2l(__u64 v)
{
	__u32 r = 0;

	if (v > 0xffffffffULL) { v >>= 32; r += 32; }
	if (v > 0xffff) { v >>= 16; r += 16; }
	if (v > 0xff) { v >>= 8; r += 8; }
	if (v > 0xf) { v >>= 4; r += 4; }
	if (v > 0x3) { v >>= 2; r += 2; }
	if (v > 0x1) r += 1;
	return r;
}

SEC("kprobe/vfs_read")
int BPF_KPROBE(read_enter)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 ts = bpf_ktime_get_ns();

	bpf_map_update_elem(&start, &tid, &ts, BPF_ANY);
	return 0;
}

SEC("kretprobe/vfs_read")
int BPF_KRETPROBE(read_exit)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid(), slot;
	__u64 *tsp, *cnt, one = 1;

	tsp = bpf_map_lookup_elem(&start, &tid);
	if (!tsp)
		return 0;
	slot = log2l(bpf_ktime_get_ns() - *tsp);
	if (slot >= NR_SLOTS)
		slot = NR_SLOTS - 1;
	cnt = bpf_map_lookup_elem(&hist, &slot);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&hist, &slot, &one, BPF_NOEXIST);
	bpf_map_delete_elem(&start, &tid);
	return 0;
}

static long fold_bucket(void *map, __u32 *key, __u64 *count, struct fold_ctx *fc)
{
	__u64 *dst = bpf_map_lookup_elem(&folded, key);

	if (dst)
		*dst += *count;
	fc->buckets++;
	fc->samples += *count;
	return 0;
}

__u64 last_buckets, last_samples;

SEC("perf_event")
int export_hist(void *ctx)
{
	struct fold_ctx fc = {};

	bpf_for_each_map_elem(&hist, fold_bucket, &fc, 0);
	last_buckets = fc.buckets;
	last_samples = fc.samples;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
