// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the pointer bpf_dynptr_data() returns covers only the size asked
 * for (8 bytes here): writing the header's third field is out of bounds.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct event_hdr {
	__u32 pid;
	__u32 len;
	__u64 ts;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int exec_event(void *ctx)
{
	struct bpf_dynptr rec;
	struct event_hdr *hdr;

	if (bpf_ringbuf_reserve_dynptr(&events, sizeof(*hdr), 0, &rec))
		goto discard;
	hdr = bpf_dynptr_data(&rec, 0, 8);   /* BUG: asks for 8 of 16 bytes */
	if (!hdr)
		goto discard;
	hdr->pid = bpf_get_current_pid_tgid() >> 32;
	hdr->ts = bpf_ktime_get_ns();
	bpf_ringbuf_submit_dynptr(&rec, 0);
	return 0;
discard:
	bpf_ringbuf_discard_dynptr(&rec, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
