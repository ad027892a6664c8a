// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_for_each_map_elem() on a map type that has no elements to
 * visit (a ring buffer): only hash and array maps take callbacks.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

static long visit(void *map, void *key, void *val, void *ctx)
{
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_sync")
int walk_events(void *ctx)
{
	bpf_for_each_map_elem(&events, visit, NULL, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
