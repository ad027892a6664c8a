// SPDX-License-Identifier: GPL-2.0
/*
 * Raw tracepoint on sched_switch: count context switches per CPU in an
 * array map and track how often each pid is switched out.
 *
 * The raw tracepoint receives the tracepoint arguments untyped:
 *   args[0] = bool preempt, args[1] = struct task_struct *prev,
 *   args[2] = struct task_struct *next
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define MAX_CPUS 256

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_CPUS);
	__type(key, __u32);
	__type(value, __u64);
} switches_per_cpu SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, __s32);		/* pid switched out */
	__type(value, __u64);		/* times it was switched out */
} switched_out SEC(".maps");

SEC("raw_tracepoint/sched_switch")
int on_sched_switch(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *prev = (struct task_struct *)ctx->args[1];
	__u32 cpu = bpf_get_smp_processor_id();
	__u64 *cnt, one = 1;
	__s32 pid = 0;

	cnt = bpf_map_lookup_elem(&switches_per_cpu, &cpu);
	if (cnt)
		*cnt += 1;	/* per-CPU slot: no other writer */

	bpf_probe_read_kernel(&pid, sizeof(pid), &prev->pid);
	if (pid == 0)	/* idle task */
		return 0;

	cnt = bpf_map_lookup_elem(&switched_out, &pid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&switched_out, &pid, &one, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
