// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_ringbuf_output() with the classic off-by-one bound: the size
 * is checked with `len <= sizeof(buf)` but then one more byte (the NUL)
 * is added, so the largest size is one past the 128-byte buffer.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_write")
int var_record(struct trace_event_raw_sys_enter *ctx)
{
	char buf[128];
	__u64 len = ctx->args[2];

	if (len > sizeof(buf))
		return 0;
	bpf_probe_read_user(buf, sizeof(buf), (void *)ctx->args[1]);
	bpf_ringbuf_output(&events, buf, len + 1, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
