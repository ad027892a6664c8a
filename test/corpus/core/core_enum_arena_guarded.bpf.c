// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of core_enum_arena_unguarded: the enum value
 * is only used after bpf_core_enum_value_exists() says the running kernel
 * has BPF_MAP_TYPE_ARENA.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

enum bpf_map_type___new {
	BPF_MAP_TYPE_ARENA___new = 33,
};

__u64 arenas_created;

SEC("kprobe/map_create")
int BPF_KPROBE(on_map_create, union bpf_attr *attr)
{
	__u32 type = BPF_CORE_READ(attr, map_type);

	if (bpf_core_enum_value_exists(enum bpf_map_type___new, BPF_MAP_TYPE_ARENA___new) &&
	    type == bpf_core_enum_value(enum bpf_map_type___new, BPF_MAP_TYPE_ARENA___new))
		__sync_fetch_and_add(&arenas_created, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
