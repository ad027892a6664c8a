// SPDX-License-Identifier: GPL-2.0
/* Test input: an object with a map and a license but no program. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} lonely SEC(".maps");

char LICENSE[] SEC("license") = "GPL";
