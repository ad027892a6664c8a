// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an exec event producer that reserves a variable-size ring buffer
 * record as a dynptr: the fixed header through bpf_dynptr_data() (a
 * pointer to the record, NULL-checked, with the constant size), the
 * variable-length filename through bpf_dynptr_write(), then
 * bpf_ringbuf_submit_dynptr(); the failure path discards.
 * EXPECT: accept
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
	char comm[16];
	__u32 len = bpf_get_prandom_u32() & 0xff;

	if (bpf_ringbuf_reserve_dynptr(&events, sizeof(*hdr) + len, 0, &rec))
		goto discard;
	hdr = bpf_dynptr_data(&rec, 0, sizeof(*hdr));
	if (!hdr)
		goto discard;
	hdr->pid = bpf_get_current_pid_tgid() >> 32;
	hdr->len = len;
	hdr->ts = bpf_ktime_get_ns();
	bpf_get_current_comm(comm, sizeof(comm));
	bpf_dynptr_write(&rec, sizeof(*hdr), comm, sizeof(comm), 0);
	bpf_ringbuf_submit_dynptr(&rec, 0);
	return 0;
discard:
	bpf_ringbuf_discard_dynptr(&rec, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
