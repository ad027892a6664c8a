// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: one kprobe.multi program attached to many vfs_* functions
 * tells them apart with bpf_get_func_ip() and counts calls per address in
 * a hash map.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 512);
	__type(key, __u64);
	__type(value, __u64);
} calls SEC(".maps");

SEC("kprobe.multi/vfs_*")
int count_vfs(struct pt_regs *ctx)
{
	__u64 ip = bpf_get_func_ip(ctx), one = 1, *v;

	v = bpf_map_lookup_elem(&calls, &ip);
	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(&calls, &ip, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
