// SPDX-License-Identifier: GPL-2.0
/* The deliberate mistake: the map value is used without a NULL check. The
 * kernel refuses to load this ("R0 invalid mem access
 * 'map_value_or_null'"); with bpfverify the build fails at line 25. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} opens SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int lookup_no_check(void *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 one = 1, *cnt;

	cnt = bpf_map_lookup_elem(&opens, &tgid);
	if (!cnt)
		bpf_map_update_elem(&opens, &tgid, &one, BPF_NOEXIST);
	cnt = bpf_map_lookup_elem(&opens, &tgid);
	*cnt += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
