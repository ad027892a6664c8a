// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a tracing program counts map creations of type ARENA, taking
 * the enum value with bpf_core_enum_value() so it follows the running
 * kernel. BPF_MAP_TYPE_ARENA does not exist in 6.1 and the program does
 * not check bpf_core_enum_value_exists() first: the relocation fails there.
 * EXPECT: 6.1 reject, 6.18 accept
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

	if (type == bpf_core_enum_value(enum bpf_map_type___new, BPF_MAP_TYPE_ARENA___new))
		__sync_fetch_and_add(&arenas_created, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
