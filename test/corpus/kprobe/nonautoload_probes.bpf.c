// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: programs in libbpf's non-autoloaded sections ("?kprobe",
 * "?uprobe", as test suites and optional features write them): the '?'
 * only stops libbpf from loading them by default; loaded explicitly, each
 * is a kprobe program like any other. One is correct, the other reads the
 * context past struct pt_regs.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} hits SEC(".maps");

SEC("?kprobe/do_nanosleep")
int optional_kprobe(struct pt_regs *ctx)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&hits, &key);

	if (v)
		__sync_fetch_and_add(v, 1);
	return 0;
}

SEC("?uprobe")
int optional_uprobe(struct pt_regs *ctx)
{
	return *(long *)((char *)ctx + sizeof(struct pt_regs));
}

char LICENSE[] SEC("license") = "GPL";
