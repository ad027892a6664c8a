// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_ringbuf_reserve() with a run-time size.  A developer wants
 * variable-length records and reserves exactly `len` bytes; reserve needs
 * a size known at verification time (the verifier must know the size of
 * the memory it hands back), even when len is bounded.
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
	__u64 len = ctx->args[2] & 255;
	char *rec;

	rec = bpf_ringbuf_reserve(&events, len + 1, 0);
	if (!rec)
		return 0;
	rec[0] = (char)len;
	bpf_ringbuf_submit(rec, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
