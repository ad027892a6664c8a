// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_cgroup_acquire() on the cgroup a tp_btf tracepoint hands
 * over (trusted), the reference kept while its ancestry is read, then
 * released; the level goes to a per-level counter array.
 * EXPECT: 6.18 accept, 6.12 accept, 6.1 reject (kfuncs missing)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct cgroup *bpf_cgroup_from_id(u64 cgid) __ksym __weak;
extern struct cgroup *bpf_cgroup_acquire(struct cgroup *cgrp) __ksym __weak;
extern void bpf_cgroup_release(struct cgroup *cgrp) __ksym __weak;
extern long bpf_task_under_cgroup(struct task_struct *task, struct cgroup *ancestor) __ksym __weak;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} rmdir_by_level SEC(".maps");

SEC("tp_btf/cgroup_rmdir")
int BPF_PROG(on_rmdir, struct cgroup *cgrp, const char *path)
{
	struct cgroup *c = bpf_cgroup_acquire(cgrp);
	__u64 *cnt;
	__u32 level;

	if (!c)
		return 0;
	level = c->level;
	bpf_cgroup_release(c);
	if (level >= 16)
		return 0;
	cnt = bpf_map_lookup_elem(&rmdir_by_level, &level);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
