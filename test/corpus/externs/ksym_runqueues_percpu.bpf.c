// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a typed per-CPU ksym, the scheduler's runqueues, read on the
 * current CPU with bpf_this_cpu_ptr() and on CPU 0 with bpf_per_cpu_ptr()
 * (NULL-checked): the run queue length as a runqlen-style sample.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern const struct rq runqueues __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} qlen SEC(".maps");

SEC("perf_event")
int sample_runqlen(void *ctx)
{
	const struct rq *rq = bpf_this_cpu_ptr(&runqueues);
	const struct rq *rq0 = bpf_per_cpu_ptr(&runqueues, 0);
	__u32 len = rq->nr_running;
	__u64 *v;

	if (rq0 && rq0->nr_running > len)
		len = rq0->nr_running;
	if (len > 63)
		len = 63;
	v = bpf_map_lookup_elem(&qlen, &len);
	if (v)
		__sync_fetch_and_add(v, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
