// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_snprintf() with a format string built on the stack.  The
 * developer writes `char fmt[] = "...";` inside the function (as with
 * bpf_trace_printk), but bpf_snprintf needs its format in a read-only map
 * so the verifier can check it at load time.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} lines SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_write")
int format_write(struct trace_event_raw_sys_enter *ctx)
{
	char fmt[] = "fd %llu\n";
	char out[32];
	__u64 args[1] = { ctx->args[0] };

	bpf_snprintf(out, sizeof(out), fmt, args, sizeof(args));
	bpf_ringbuf_output(&lines, out, sizeof(out), 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
