// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: reusing a dynptr variable for a second reservation while the
 * first record is still held: the stack slots hold a referenced dynptr.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int exec_event(void *ctx)
{
	struct bpf_dynptr rec;
	__u64 pid = bpf_get_current_pid_tgid();

	bpf_ringbuf_reserve_dynptr(&events, 8, 0, &rec);
	/* BUG: rec still holds the first reservation */
	if (bpf_ringbuf_reserve_dynptr(&events, 8, 0, &rec)) {
		bpf_ringbuf_discard_dynptr(&rec, 0);
		return 0;
	}
	bpf_dynptr_write(&rec, 0, &pid, sizeof(pid), 0);
	bpf_ringbuf_submit_dynptr(&rec, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
