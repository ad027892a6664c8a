// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a syscall latency tracker on raw tracepoints (raw_tp/sys_enter and
 * raw_tp/sys_exit, struct bpf_raw_tracepoint_args): sys_enter stamps the
 * syscall number and start time per thread in a hash map; sys_exit looks the
 * stamp up, computes the latency, adds it to a per-syscall log2 histogram
 * through a static __noinline subprogram, and reports syscalls slower than a
 * threshold through a ring buffer record (with the return value read from
 * pt_regs via BPF_CORE_READ). Every lookup is checked, every reservation
 * submitted.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define TASK_COMM_LEN 16
#define NR_TRACKED 512
#define HIST_SLOTS 32

struct sc_start {
	__u64 ts;
	__u32 nr;
};

struct sc_hist {
	__u64 slots[HIST_SLOTS];
	__u64 total_ns;
	__u64 count;
};

struct slow_syscall {
	__u64 latency_ns;
	__s64 ret;
	__u32 pid;
	__u32 tid;
	__u32 nr;
	__u32 slot;
	char comm[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32);
	__type(value, struct sc_start);
} starts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NR_TRACKED);
	__type(key, __u32);
	__type(value, struct sc_hist);
} hists SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} slow_calls SEC(".maps");

const volatile __u64 slow_ns = 10 * 1000 * 1000;
const volatile __u32 target_tgid = 0;

/* adds one latency to the syscall's histogram; returns the slot used */
static __noinline int hist_add(__u32 nr, __u64 ns)
{
	struct sc_hist *h = bpf_map_lookup_elem(&hists, &nr);
	__u64 v = ns / 1000;
	int slot = 0;

	if (!h)
		return -1;
	if (v >= (1ULL << 16)) { v >>= 16; slot += 16; }
	if (v >= (1ULL << 8)) { v >>= 8; slot += 8; }
	if (v >= (1ULL << 4)) { v >>= 4; slot += 4; }
	if (v >= (1ULL << 2)) { v >>= 2; slot += 2; }
	if (v >= (1ULL << 1)) slot += 1;
	if (slot >= HIST_SLOTS)
		slot = HIST_SLOTS - 1;
	__sync_fetch_and_add(&h->slots[slot], 1);
	__sync_fetch_and_add(&h->total_ns, ns);
	__sync_fetch_and_add(&h->count, 1);
	return slot;
}

SEC("raw_tp/sys_enter")
int on_sys_enter(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)id;
	struct sc_start s = {};

	if (target_tgid && (id >> 32) != target_tgid)
		return 0;
	s.nr = ctx->args[1];
	if (s.nr >= NR_TRACKED)
		return 0;
	s.ts = bpf_ktime_get_ns();
	bpf_map_update_elem(&starts, &tid, &s, BPF_ANY);
	return 0;
}

SEC("raw_tp/sys_exit")
int on_sys_exit(struct bpf_raw_tracepoint_args *ctx)
{
	struct pt_regs *regs = (struct pt_regs *)ctx->args[0];
	__u64 id = bpf_get_current_pid_tgid(), ns;
	__u32 tid = (__u32)id, nr;
	struct slow_syscall *e;
	struct sc_start *s;
	int slot;

	s = bpf_map_lookup_elem(&starts, &tid);
	if (!s)
		return 0;
	ns = bpf_ktime_get_ns() - s->ts;
	nr = s->nr;
	bpf_map_delete_elem(&starts, &tid);
	slot = hist_add(nr, ns);
	if (ns < slow_ns)
		return 0;
	e = bpf_ringbuf_reserve(&slow_calls, sizeof(*e), 0);
	if (!e)
		return 0;
	e->latency_ns = ns;
	e->ret = BPF_CORE_READ(regs, ax);
	e->pid = id >> 32;
	e->tid = tid;
	e->nr = nr;
	e->slot = slot;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
