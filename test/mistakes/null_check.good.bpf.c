// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed: the pointer returned by bpf_map_lookup_elem() is checked for NULL
 * before it is dereferenced; a missing entry is created instead.
 */
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);	/* tgid */
	__type(value, __u64);	/* openat() calls */
} openat_count SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int count_openat(struct trace_event_raw_sys_enter *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 *cnt, one = 1;

	cnt = bpf_map_lookup_elem(&openat_count, &tgid);
	if (!cnt) {
		bpf_map_update_elem(&openat_count, &tgid, &one, BPF_NOEXIST);
		return 0;
	}
	__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
