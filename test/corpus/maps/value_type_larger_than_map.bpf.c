// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: the value struct grew a 64-bit timestamp in the program's header,
 * but the map definition still declares the old 4-byte value.  Writing the
 * new field goes past value_size.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct stat_v2 {
	__u32 count;
	__u32 pad;
	__u64 last_ns;	/* new in v2 */
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u32);	/* still the v1 value */
} stats SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int exec_stat(void *ctx)
{
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	struct stat_v2 *s = bpf_map_lookup_elem(&stats, &uid);

	if (!s)
		return 0;
	s->count++;
	s->last_ns = bpf_ktime_get_ns();
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
