// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a system-wide load snapshot taken on each scheduler tick of
 * CPU 0: a bounded loop over CPU numbers asks bpf_per_cpu_ptr() for each
 * CPU's run queue, checks it for NULL (a CPU number past nr_cpu_ids) and
 * sums nr_running and nr_uninterruptible into a global, as `uptime`-style
 * load sampling tools do.
 */
// EXPECT: 6.18 reject (no CONFIG_KALLSYMS_ALL), 6.12 accept, 6.1 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_CPUS 64

extern const struct rq runqueues __ksym;

struct load_snapshot {
	__u64 running;
	__u64 uninterruptible;
	__u32 cpus_seen;
};

struct load_snapshot snapshot;

SEC("kprobe/scheduler_tick")
int BPF_KPROBE(tick)
{
	__u64 running = 0, uninterruptible = 0;
	__u32 seen = 0;

	if (bpf_get_smp_processor_id() != 0)
		return 0;
	for (int cpu = 0; cpu < MAX_CPUS; cpu++) {
		const struct rq *rq = bpf_per_cpu_ptr(&runqueues, cpu);

		if (!rq)
			break;
		running += rq->nr_running;
		uninterruptible += rq->nr_uninterruptible;
		seen++;
	}
	snapshot.running = running;
	snapshot.uninterruptible = uninterruptible;
	snapshot.cpus_seen = seen;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
