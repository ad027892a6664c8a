// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of core_mm_cid_unguarded: the read of
 * task_struct.mm_cid is guarded by bpf_core_field_exists(), so on 6.1 the
 * guarded branch is dead code that libbpf's relocation turns into a
 * constant-false check.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct task_struct___new {
	int mm_cid;
} __attribute__((preserve_access_index));

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} cid_hist SEC(".maps");

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(on_sleep)
{
	struct task_struct___new *t = (void *)bpf_get_current_task();
	__u32 cid = 0;
	__u64 *cnt;

	if (bpf_core_field_exists(t->mm_cid))
		cid = BPF_CORE_READ(t, mm_cid);

	cnt = bpf_map_lookup_elem(&cid_hist, &cid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
