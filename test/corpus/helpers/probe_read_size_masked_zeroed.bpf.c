// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the portable version of probe_read_size_masked: the buffer is
 * zero-initialised, so even a kernel that checks a variable-size
 * destination as if it were read (6.1) finds initialised stack.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_write")
int capture_write(struct trace_event_raw_sys_enter *ctx)
{
	char buf[64] = {};
	const void *ubuf = (const void *)ctx->args[1];
	__u64 count = ctx->args[2];

	bpf_probe_read_user(buf, count & (sizeof(buf) - 1), ubuf);
	bpf_ringbuf_output(&events, buf, sizeof(buf), 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
