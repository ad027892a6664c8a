// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a run-queue latency tracker the way runqlat/runqslower-like tools
 * write it, on BTF-enabled tracepoints: tp_btf/sched_wakeup stamps the woken
 * task in task local storage (bpf_task_storage_get with F_CREATE);
 * tp_btf/sched_switch reads the stamp of the next task, adds the delay to
 * a log2 histogram, computed by a bpf_loop() callback, and reports delays
 * above a threshold through a ring buffer record (comm, pid, prev pid,
 * delay). Every reservation is submitted.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define TASK_COMM_LEN 16
#define MAX_SLOTS 32
#define TASK_RUNNING 0

struct wake_stamp {
	__u64 ts;
	__u32 wakeups;
};

struct slow_event {
	__u64 delay_us;
	__u32 pid;
	__u32 prev_pid;
	__u32 slot;
	__u32 wakeups;
	char comm[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct wake_stamp);
} wake_ts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} hist SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 128 * 1024);
} slow SEC(".maps");

const volatile __u64 min_us = 10000;
const volatile pid_t target_tgid = 0;

struct log2_ctx {
	__u64 v;
	__u32 slot;
};

/* one step of log2: shift until the value is gone */
static long log2_step(__u64 i, void *data)
{
	struct log2_ctx *c = data;

	if (c->v <= 1)
		return 1;
	c->v >>= 1;
	c->slot++;
	return 0;
}

static __always_inline int stamp(struct task_struct *p)
{
	struct wake_stamp *ws;

	if (target_tgid && BPF_CORE_READ(p, tgid) != target_tgid)
		return 0;
	ws = bpf_task_storage_get(&wake_ts, p, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!ws)
		return 0;
	ws->ts = bpf_ktime_get_ns();
	ws->wakeups++;
	return 0;
}

SEC("tp_btf/sched_wakeup")
int BPF_PROG(on_wakeup, struct task_struct *p)
{
	return stamp(p);
}

SEC("tp_btf/sched_wakeup_new")
int BPF_PROG(on_wakeup_new, struct task_struct *p)
{
	return stamp(p);
}

SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, bool preempt, struct task_struct *prev,
	     struct task_struct *next)
{
	struct log2_ctx lc = {};
	struct wake_stamp *ws;
	struct slow_event *e;
	__u64 delay, *bucket;
	__u32 slot;

	if (prev->__state == TASK_RUNNING)
		stamp(prev);
	ws = bpf_task_storage_get(&wake_ts, next, 0, 0);
	if (!ws || !ws->ts)
		return 0;
	delay = (bpf_ktime_get_ns() - ws->ts) / 1000;
	ws->ts = 0;

	lc.v = delay;
	bpf_loop(64, log2_step, &lc, 0);
	slot = lc.slot < MAX_SLOTS ? lc.slot : MAX_SLOTS - 1;
	bucket = bpf_map_lookup_elem(&hist, &slot);
	if (bucket)
		__sync_fetch_and_add(bucket, 1);

	if (delay < min_us)
		return 0;
	e = bpf_ringbuf_reserve(&slow, sizeof(*e), 0);
	if (!e)
		return 0;
	e->delay_us = delay;
	e->pid = next->pid;
	e->prev_pid = prev->pid;
	e->slot = slot;
	e->wakeups = ws->wakeups;
	bpf_probe_read_kernel_str(e->comm, sizeof(e->comm), next->comm);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
