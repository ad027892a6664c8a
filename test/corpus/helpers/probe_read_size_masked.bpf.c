// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of probe_read_size_unbounded: the syscall's count
 * is clamped with a mask (`count & (sizeof(buf) - 1)`), the idiom the
 * verifier's own message recommends, so the size is provably within the
 * 64-byte buffer.  Finding: 6.1 still refuses it.  With a size that is not
 * a constant, 6.1 checks the destination as if the helper READ it, and
 * the buffer is uninitialised; 6.18 lets a privileged program pass
 * uninitialised stack.  The portable fix is `char buf[64] = {};`.
 */
// EXPECT: 6.1 reject, 6.18 accept
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
	__u64 count = ctx->args[2];

	bpf_probe_read_user(buf, count & (sizeof(buf) - 1), ubuf);
	bpf_ringbuf_output(&events, buf, sizeof(buf), 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
