// SPDX-License-Identifier: GPL-2.0
/*
 * test/lit/cli/precision-log.test: the kernel's mark_precise lines in the
 * level-2 log. A constant loop index used as a map value offset is
 * backtracked to where it was set (and, across the loop's kept states, to
 * the parent states); a second path reaching the loop head with the same
 * index is pruned and propagates the precision it needed.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64[8]);
} vals SEC(".maps");

__u64 out, flag;

SEC("tracepoint/syscalls/sys_enter_getpid")
int sum3(void *ctx)
{
	__u32 zero = 0, i;
	__u64 *v = bpf_map_lookup_elem(&vals, &zero);
	__u64 s = 0;

	if (!v)
		return 0;
	if (bpf_get_prandom_u32() & 1)
		flag = 1;
	else
		flag = 2;
#pragma clang loop unroll(disable)
	for (i = 0; i < 3; i++)
		s += v[i];
	out = s;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
