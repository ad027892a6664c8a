// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_ringbuf_output() (copy, not reserve) with a bounded run-time
 * size: unlike reserve, output takes an ARG_CONST_SIZE_OR_ZERO size that
 * may vary as long as it stays inside the source buffer.  The usual fix
 * when ringbuf_reserve with a variable size is refused.
 */
// EXPECT: accept
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
	__u64 len = ctx->args[2] & 127;

	bpf_probe_read_user(buf, sizeof(buf), (void *)ctx->args[1]);
	bpf_ringbuf_output(&events, buf, len, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
