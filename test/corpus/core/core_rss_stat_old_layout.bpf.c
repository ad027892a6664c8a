// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: reading the file-backed RSS counter of the current mm the 6.1
 * way, mm->rss_stat.count[MM_FILEPAGES].counter, through ___old flavors.
 * Later kernels turned rss_stat into an array of percpu_counter, so the
 * relocation cannot match on 6.18.
 * EXPECT: 6.1 accept, 6.18 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct mm_rss_stat___old {
	atomic_long_t count[4];
} __attribute__((preserve_access_index));

struct mm_struct___old {
	struct mm_rss_stat___old rss_stat;
} __attribute__((preserve_access_index));

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, long);
} file_rss SEC(".maps");

SEC("kprobe/do_exit")
int BPF_KPROBE(on_exit, long code)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct mm_struct___old *mm = (void *)BPF_CORE_READ(task, mm);
	__u32 pid = BPF_CORE_READ(task, tgid);
	long pages;

	if (!mm)
		return 0;
	pages = BPF_CORE_READ(mm, rss_stat.count[0].counter); /* MM_FILEPAGES */
	bpf_map_update_elem(&file_rss, &pid, &pages, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
