// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: counting execve() arguments with "for (n = 0; ; n++)" until
 * the NULL terminator of argv, a loop whose only exit depends on user
 * memory.  Each iteration has a new constant n, so no state prunes the
 * next, and every iteration leaves a pending branch (the read failed or
 * argp is NULL): the verifier gives up, on 6.18 when the sequence of
 * pending jumps exceeds its limit, before the instruction budget.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} argc_hist SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int count_argv(struct trace_event_raw_sys_enter *ctx)
{
	const char *const *argv = (const char *const *)ctx->args[1];
	const char *argp;
	__u32 n, slot;
	__u64 *cnt;

	for (n = 0; ; n++) {
		if (bpf_probe_read_user(&argp, sizeof(argp), &argv[n]) || !argp)
			break;
	}
	slot = n < 63 ? n : 63;
	cnt = bpf_map_lookup_elem(&argc_hist, &slot);
	if (cnt)
		*cnt += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
