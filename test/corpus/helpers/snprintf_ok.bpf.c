// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of snprintf_bad_specifier: "%llu" instead of "%zu",
 * a constant format in .rodata and an argument array whose size is a
 * multiple of 8, as bpf_snprintf requires.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} lines SEC(".maps");

static const char fmt[] = "pid %u wrote %llu bytes";

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
