// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a per-CPU run-queue sampler in the style of BCC's runqlen and
 * cpudist tools, driven by a perf_event timer. The scheduler's per-CPU
 * `runqueues` is a typed ksym: bpf_this_cpu_ptr() gives this CPU's
 * struct rq (never NULL), from which the sampler reads nr_running, the
 * clock and the running task's pid through BTF-typed pointers, and
 * bpf_per_cpu_ptr() gives a neighbour CPU's rq (NULL past nr_cpu_ids, so
 * it is checked) to record the imbalance between the two.
 */
// EXPECT: 6.18 reject (no CONFIG_KALLSYMS_ALL: ldimm64 cannot find runqueues), 6.12 accept, 6.1 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_SLOTS 32

extern const struct rq runqueues __ksym;

struct runq_sample {
	__u64 samples;
	__u64 idle;
	__u64 last_clock;
	__u32 last_pid;
	__u32 max_imbalance;
	__u64 qlen[MAX_SLOTS];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct runq_sample);
} runq_stats SEC(".maps");

const volatile __u32 nr_cpus = 4;

SEC("perf_event")
int do_sample(struct bpf_perf_event_data *ctx)
{
	const struct rq *rq = bpf_this_cpu_ptr(&runqueues);
	const struct rq *peer;
	struct task_struct *curr;
	struct runq_sample *s;
	__u32 zero = 0, cpu, len, peer_len, diff;

	s = bpf_map_lookup_elem(&runq_stats, &zero);
	if (!s)
		return 0;
	s->samples++;

	len = rq->nr_running;
	if (len == 0) {
		s->idle++;
		return 0;
	}
	s->last_clock = rq->clock;
	curr = rq->curr;
	if (curr)
		s->last_pid = curr->pid;
	if (len >= MAX_SLOTS)
		len = MAX_SLOTS - 1;
	s->qlen[len]++;

	cpu = (bpf_get_smp_processor_id() + 1) % nr_cpus;
	peer = bpf_per_cpu_ptr(&runqueues, cpu);
	if (!peer)
		return 0;
	peer_len = peer->nr_running;
	diff = peer_len > len ? peer_len - len : len - peer_len;
	if (diff > s->max_imbalance)
		s->max_imbalance = diff;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
