// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: "infinite loop detected": a retry loop around a helper ("try
 * again until the update succeeds") with no bound on the attempts.  The
 * helper's result is unknown on every pass and nothing else changes, so
 * the verifier sees the same state at the loop head again.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} seen SEC(".maps");

SEC("kprobe/do_nanosleep")
int mark_seen(struct pt_regs *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 now = 1;

	while (bpf_map_update_elem(&seen, &pid, &now, BPF_NOEXIST) != 0)
		;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
