// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a strong bool extern for CONFIG_BPF_JIT_ALWAYS_ON. The live
 * 6.18 kernel's config sets it; Debian's 6.1 and 6.12 configs say "is not
 * set", which leaves a strong extern unresolved: the same object loads on
 * one kernel and fails on the others.
 */
// EXPECT: 6.18 accept, 6.12 load_error, 6.1 load_error
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern bool CONFIG_BPF_JIT_ALWAYS_ON __kconfig;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} jit SEC(".maps");

SEC("kprobe/bpf_prog_select_runtime")
int BPF_KPROBE(select_runtime)
{
	__u32 key = CONFIG_BPF_JIT_ALWAYS_ON;
	__u64 *v = bpf_map_lookup_elem(&jit, &key);

	if (v)
		*v += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
