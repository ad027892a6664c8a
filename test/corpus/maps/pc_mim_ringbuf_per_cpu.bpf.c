// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: one ring buffer per CPU group behind an array of maps, the
 * pattern of tools that shard their event stream (libbpf's ring_buffer
 * manager reads several): the exec probe picks the ring of its CPU group
 * from the outer array, checks it for NULL and reserves its event there.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define NR_RINGS 4

struct exec_event {
	__u32 pid;
	__u32 cpu;
	char comm[16];
};

struct ring {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, NR_RINGS);
	__type(key, __u32);
	__array(values, struct ring);
} rings SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int on_exec(void *ctx)
{
	__u32 cpu = bpf_get_smp_processor_id(), ring_idx = cpu % NR_RINGS;
	struct exec_event *e;
	void *rb;

	rb = bpf_map_lookup_elem(&rings, &ring_idx);
	if (!rb)
		return 0;
	e = bpf_ringbuf_reserve(rb, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->cpu = cpu;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
