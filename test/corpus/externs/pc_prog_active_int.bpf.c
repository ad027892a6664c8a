// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a per-CPU variable that is not a struct. bpf_prog_active is
 * the kernel's per-CPU `int` that counts BPF programs running on this
 * CPU; bpf_this_cpu_ptr() returns it as read-only memory of 4 bytes
 * (rdonly_mem), which the probe reads to tell nested runs apart, as the
 * kernel's test_ksyms_btf selftest does.
 */
// EXPECT: 6.18 reject (no CONFIG_KALLSYMS_ALL), 6.12 accept, 6.1 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern const int bpf_prog_active __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} nesting SEC(".maps");

SEC("raw_tp/sys_enter")
int count_nesting(void *ctx)
{
	const int *active = bpf_this_cpu_ptr(&bpf_prog_active);
	__u32 key = *active > 0 ? 1 : 0;
	__u64 *v;

	v = bpf_map_lookup_elem(&nesting, &key);
	if (v)
		(*v)++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
