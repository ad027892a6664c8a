// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: counts execve() calls by processes whose name contains "python",
 * with the string kfunc bpf_strstr (new in 6.17) on the task's comm.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.18; load_error on 6.1 and 6.12 (no such kfunc)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern int bpf_strstr(const char *s1__ign, const char *s2__ign) __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} python_execs SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int comm_prefix_strstr(struct trace_event_raw_sys_enter *ctx)
{
	char comm[16];
	__u32 zero = 0;
	__u64 *n;

	bpf_get_current_comm(comm, sizeof(comm));
	if (bpf_strstr(comm, "python") < 0)
		return 0;
	n = bpf_map_lookup_elem(&python_execs, &zero);
	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
