// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a process-lineage tracker as EDR agents write it, on
 * tp_btf/sched_process_fork: the child is pinned with bpf_task_acquire()
 * (acquired, maybe NULL) while a ring buffer record is reserved (a second
 * reference) and filled; the ancestry is walked under bpf_rcu_read_lock()
 * through real_parent (RCU-protected pointers, NULL-checked) in a bounded
 * loop, the session leader is re-looked up with bpf_task_from_pid() and
 * released; the per-event field copy is a static __noinline subprogram
 * taking the trusted task. Both references end on every path: the record
 * is submitted or discarded, the task released.
 * EXPECT: 6.18 accept, 6.12 accept, 6.1 reject (kfuncs missing)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define MAX_DEPTH 8

extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;
extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern void bpf_rcu_read_lock(void) __ksym __weak;
extern void bpf_rcu_read_unlock(void) __ksym __weak;

struct lineage_event {
	__u64 ts;
	__u32 pid;
	__u32 tgid;
	__u32 ppid;
	__u32 depth;
	__u32 ancestors[MAX_DEPTH];
	__u32 leader_pid;
	__u32 uid;
	__u32 flags;
	__u32 leader_alive;
	char comm[16];
	char parent_comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 512 * 1024);
} lineage_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);      /* tgid being watched */
	__type(value, __u32);    /* 1: report descendants */
} watched SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} tracker_stats SEC(".maps");

static __always_inline void stat_inc(__u32 idx)
{
	__u64 *c = bpf_map_lookup_elem(&tracker_stats, &idx);

	if (c)
		*c += 1;
}

static __noinline int fill_task_fields(struct lineage_event *e, struct task_struct *t)
{
	if (!e || !t)
		return -1;
	e->pid = t->pid;
	e->tgid = t->tgid;
	e->flags = t->flags;
	e->uid = t->cred ? t->cred->uid.val : 0;
	bpf_probe_read_kernel_str(e->comm, sizeof(e->comm), t->comm);
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(track_fork, struct task_struct *parent, struct task_struct *child)
{
	struct lineage_event *e;
	struct task_struct *task, *leader, *cur;
	__u32 tgid = parent->tgid, *watch;
	int i, depth = 0, hit = 0;

	task = bpf_task_acquire(child);
	if (!task)
		return 0;
	e = bpf_ringbuf_reserve(&lineage_events, sizeof(*e), 0);
	if (!e) {
		stat_inc(0);
		bpf_task_release(task);
		return 0;
	}
	e->ts = bpf_ktime_get_ns();
	fill_task_fields(e, task);
	e->ppid = tgid;
	bpf_probe_read_kernel_str(e->parent_comm, sizeof(e->parent_comm), parent->comm);

	bpf_rcu_read_lock();
	cur = parent->real_parent;
	for (i = 0; i < MAX_DEPTH; i++) {
		struct task_struct *up;

		if (!cur || cur->pid == 0)
			break;
		e->ancestors[i] = cur->tgid;
		watch = bpf_map_lookup_elem(&watched, &e->ancestors[i]);
		if (watch && *watch)
			hit = 1;
		depth++;
		up = cur->real_parent;
		if (up == cur)
			break;
		cur = up;
	}
	e->leader_pid = task->group_leader ? task->group_leader->pid : 0;
	bpf_rcu_read_unlock();
	e->depth = depth;

	leader = bpf_task_from_pid(e->leader_pid);
	if (leader) {
		e->leader_alive = !(leader->flags & 0x4 /* PF_EXITING */);
		bpf_task_release(leader);
	} else {
		e->leader_alive = 0;
	}

	if (!hit) {
		stat_inc(1);
		bpf_ringbuf_discard(e, 0);
		bpf_task_release(task);
		return 0;
	}
	stat_inc(2);
	bpf_ringbuf_submit(e, 0);
	bpf_task_release(task);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
