// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a biolatency-style per-CPU log2 histogram where the slot is
 * computed by a bounded loop over the 64 bit positions (unrolling
 * disabled) instead of the usual branch ladder.  The verifier walks all
 * 64 iterations on every path that reaches the loop, so this is a
 * cost-model program: insns_processed and states depend on how each
 * iteration's state is checkpointed and pruned.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_SLOTS 27

struct hist {
	__u64 slots[MAX_SLOTS];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u64);
} start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct hist);
} hists SEC(".maps");

static __u32 slot_of(__u64 v)
{
	__u32 slot = 0;
	int bit;

#pragma clang loop unroll(disable)
	for (bit = 0; bit < 64; bit++) {
		if (!(v >> 1))
			break;
		v >>= 1;
		slot++;
	}
	return slot;
}

SEC("kprobe/blk_account_io_start")
int BPF_KPROBE(io_start, struct request *rq)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 ts = bpf_ktime_get_ns();

	bpf_map_update_elem(&start, &tid, &ts, BPF_ANY);
	return 0;
}

SEC("kprobe/blk_account_io_done")
int BPF_KPROBE(io_done, struct request *rq)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u32 zero = 0, slot;
	struct hist *h;
	__u64 *tsp, delta;

	tsp = bpf_map_lookup_elem(&start, &tid);
	if (!tsp)
		return 0;
	delta = (bpf_ktime_get_ns() - *tsp) / 1000;
	bpf_map_delete_elem(&start, &tid);

	h = bpf_map_lookup_elem(&hists, &zero);
	if (!h)
		return 0;
	slot = slot_of(delta);
	if (slot >= MAX_SLOTS)
		slot = MAX_SLOTS - 1;
	__sync_fetch_and_add(&h->slots[slot], 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
