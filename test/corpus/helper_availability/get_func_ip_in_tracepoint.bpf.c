// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_func_ip() in a tracepoint.  Code shared between kprobe
 * and tracepoint handlers calls it to know "where am I"; it exists for
 * kprobes and fentry/fexit, not for tracepoints.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u64);
	__type(value, __u64);
} hits SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int count_site(void *ctx)
{
	__u64 ip = bpf_get_func_ip(ctx), one = 1;

	bpf_map_update_elem(&hits, &ip, &one, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
