// SPDX-License-Identifier: GPL-2.0
// Fix-its (a), the NULL check after a map lookup: execs counted per uid in a
// hash map; the entry is created first, so the author skips the NULL check
// on the lookup's result, which the verifier still demands. bpfverify's
// fix-it inserts `if (!cnt) return 0;` after the lookup: applied, it gives
// fixit_null_check_fixed.bpf.c (test/lit/plugin/fixit-null-check.test).
// EXPECT: reject
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
	__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
