// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_snprintf() with a format the kernel does not support.  The
 * format string is constant (read-only .rodata), so the verifier parses it
 * at load time; "%lu" is fine but "%zu" (size_t, as in user-space C) is
 * not one of the conversions bpf_snprintf knows.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} lines SEC(".maps");

static const char fmt[] = "pid %u wrote %zu bytes";

SEC("tracepoint/syscalls/sys_enter_write")
int format_write(struct trace_event_raw_sys_enter *ctx)
{
	char out[64];
	__u64 args[2] = { bpf_get_current_pid_tgid() >> 32, ctx->args[2] };

	bpf_snprintf(out, sizeof(out), fmt, args, sizeof(args));
	bpf_ringbuf_output(&lines, out, sizeof(out), 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
