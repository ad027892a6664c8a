// SPDX-License-Identifier: GPL-2.0
// Fix-its (a), applied: fixit_null_check.bpf.c after clang -Xclang -fixit with
// bpfverify's plugin, which inserted the NULL check after the lookup (the
// code below the comments is exactly the tool's output; checked by
// test/lit/plugin/fixit-null-check.test). The kernel accepts it.
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} exec_count SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int count_exec(void *ctx)
{
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	__u64 zero = 0;
	__u64 *cnt;

	bpf_map_update_elem(&exec_count, &uid, &zero, BPF_NOEXIST);
	cnt = bpf_map_lookup_elem(&exec_count, &uid);
	if (!cnt)
		return 0;
	__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
