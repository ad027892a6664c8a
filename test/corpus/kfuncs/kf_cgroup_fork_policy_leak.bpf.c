// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the twin of kf_cgroup_fork_policy where the early return for
 * tasks outside the policed cgroup forgets bpf_cgroup_release(): the
 * cgroup reference from bpf_cgroup_from_id() leaks on that path.
 * EXPECT: 6.18 reject (Unreleased reference), 6.12 reject, 6.1 reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

extern struct cgroup *bpf_cgroup_from_id(u64 cgid) __ksym __weak;
extern struct cgroup *bpf_cgroup_acquire(struct cgroup *cgrp) __ksym __weak;
extern void bpf_cgroup_release(struct cgroup *cgrp) __ksym __weak;
extern long bpf_task_under_cgroup(struct task_struct *task, struct cgroup *ancestor) __ksym __weak;

struct policy_key {
	__u64 cgid;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, struct policy_key);
	__type(value, __u32);          /* allowed forks per parent, 0: none */
} cgroup_policy SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u32);
} forks_in_policy SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} violations SEC(".maps");

struct violation {
	__u32 pid;
	__u32 ppid;
	__u64 cgid;
	char comm[16];
};

const volatile __u64 policy_cgid = 0;

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	struct policy_key key = { .cgid = policy_cgid };
	struct cgroup *cg;
	__u32 *limit, *seen, one = 1, ppid = parent->tgid;

	limit = bpf_map_lookup_elem(&cgroup_policy, &key);
	if (!limit)
		return 0;
	cg = bpf_cgroup_from_id(key.cgid);
	if (!cg)
		return 0;
	if (!bpf_task_under_cgroup(child, cg))
		return 0; /* BUG: cg not released */
	bpf_cgroup_release(cg);

	seen = bpf_map_lookup_elem(&forks_in_policy, &ppid);
	if (!seen)
		bpf_map_update_elem(&forks_in_policy, &ppid, &one, BPF_NOEXIST);
	else
		__sync_fetch_and_add(seen, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
