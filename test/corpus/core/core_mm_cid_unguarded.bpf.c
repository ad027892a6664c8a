// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: task_struct.mm_cid (the per-mm concurrency id, added after 6.1)
 * read with BPF_CORE_READ() through a ___new flavor, without checking that
 * the field exists. On 6.18 the relocation resolves; on 6.1 libbpf cannot
 * resolve it and the poisoned instruction is rejected.
 * EXPECT: 6.1 reject, 6.18 accept
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
	__u32 cid = BPF_CORE_READ(t, mm_cid);
	__u64 *cnt;

	cnt = bpf_map_lookup_elem(&cid_hist, &cid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
