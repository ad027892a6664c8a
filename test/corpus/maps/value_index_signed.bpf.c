// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: per-signal counters in a map value indexed by the signal number
 * taken from the kill() syscall tracepoint.  The index is an int and only
 * its upper bound is checked (sig < 64): a negative signal number would
 * index before the value, so the verifier wants a lower bound too.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct sig_counts {
	__u32 n[64];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sig_counts);
} sigs SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_kill")
int on_kill(struct trace_event_raw_sys_enter *ctx)
{
	int sig = (int)ctx->args[1];
	__u32 key = 0;
	struct sig_counts *c;

	c = bpf_map_lookup_elem(&sigs, &key);
	if (!c)
		return 0;
	if (sig < 64)
		c->n[sig]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
