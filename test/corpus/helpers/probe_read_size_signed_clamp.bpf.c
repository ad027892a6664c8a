// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: clamping a signed length with only an upper bound.  The developer
 * writes `if (len > sizeof(buf)) len = sizeof(buf);` on an `int`: a
 * negative len passes the check, so the size's minimum is negative and the
 * verifier asks for an unsigned type or a mask.
 */
// EXPECT: reject
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
	char buf[64];
	const void *ubuf = (const void *)ctx->args[1];
	int len = (int)ctx->args[2];

	if (len > (int)sizeof(buf))
		len = sizeof(buf);
	bpf_probe_read_user(buf, len, ubuf);
	bpf_ringbuf_output(&events, buf, sizeof(buf), 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
