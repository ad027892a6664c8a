// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the dynptr API, but the failure branch of
 * bpf_ringbuf_reserve_dynptr() just returns: the dynptr must still be
 * discarded there, otherwise it is an unreleased reference.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int on_exec(void *ctx)
{
	struct bpf_dynptr ptr;
	char comm[16];
	__u32 len = bpf_get_prandom_u32() & 0x7f;

	bpf_get_current_comm(comm, sizeof(comm));
	if (bpf_ringbuf_reserve_dynptr(&events, 16 + len, 0, &ptr)) {
		return 0; /* BUG: the dynptr must be discarded */
	}
	bpf_dynptr_write(&ptr, 0, comm, sizeof(comm), 0);
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
