// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a kprobe program returning a map value pointer.  Kprobe return
 * values are ignored (except 0/1 meaning for some attach modes), and a
 * privileged loader may leak pointers, so this is accepted for root; an
 * unprivileged loader would get "R0 leaks addr as return value".
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} calls SEC(".maps");

SEC("kprobe/do_sys_openat2")
long count_open(struct pt_regs *ctx)
{
	__u32 zero = 0;
	__u64 *v = bpf_map_lookup_elem(&calls, &zero);

	if (v)
		__sync_fetch_and_add(v, 1);
	return (long)v;
}

char LICENSE[] SEC("license") = "GPL";
