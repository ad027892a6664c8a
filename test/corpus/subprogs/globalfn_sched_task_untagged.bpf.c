// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the broken twin of globalfn_sched_task_tracer: task_wanted()
 * lacks the arg:trusted tag, so its task pointer is plain memory of
 * sizeof(struct task_struct) and the tracepoint's BTF task pointer does
 * not match it at the call. Original: a scheduler tracer (runqlat/offcputime-like, tp_btf) whose task
 * bookkeeping lives in global functions taking struct task_struct *
 * tagged arg:trusted (libbpf's __arg_trusted): the callee reads task
 * fields directly. Kernels without the tag see a pointer to memory of
 * sizeof(struct task_struct) and refuse the task pointer at the call.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#ifndef __arg_trusted
#define __arg_trusted __attribute__((btf_decl_tag("arg:trusted")))
#endif

const volatile pid_t targ_tgid = 0;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, u32);
	__type(value, u64);
} start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 32);
	__type(key, u32);
	__type(value, u64);
} hist SEC(".maps");

__noinline int task_wanted(struct task_struct *t)
{
	if (t->pid == 0)
		return 0;
	return !targ_tgid || t->tgid == targ_tgid;
}

__noinline int mark_queued(struct task_struct *t __arg_trusted)
{
	u32 pid = t->pid;
	u64 ts = bpf_ktime_get_ns();

	return bpf_map_update_elem(&start, &pid, &ts, BPF_ANY);
}

__noinline int log2_slot(u64 v)
{
	int r = 0;

	while (v > 1 && r < 31) {
		v >>= 1;
		r++;
	}
	return r;
}

SEC("tp_btf/sched_wakeup")
int BPF_PROG(on_wakeup, struct task_struct *p)
{
	if (task_wanted(p))
		mark_queued(p);
	return 0;
}

SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	u32 pid, slot;
	u64 *tsp, *cnt;

	if (task_wanted(prev) && prev->__state == 0 /* TASK_RUNNING */)
		mark_queued(prev);
	pid = next->pid;
	tsp = bpf_map_lookup_elem(&start, &pid);
	if (!tsp)
		return 0;
	slot = log2_slot((bpf_ktime_get_ns() - *tsp) / 1000);
	if (slot >= 32)
		slot = 31;
	cnt = bpf_map_lookup_elem(&hist, &slot);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	bpf_map_delete_elem(&start, &pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
