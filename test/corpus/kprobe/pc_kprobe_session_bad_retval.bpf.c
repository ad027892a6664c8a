// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: a kprobe.session entry program returns 0 (run the return
 * probe) or 1 (skip it), nothing else. This one returns the -1 of a
 * "not found" helper result straight through, which the verifier's
 * return-value check refuses (6.12, 6.18). 6.1 has no session attach type:
 * it loads the program as a plain kprobe, whose return value is free.
 */
// EXPECT: 6.1 accept, 6.12 reject, 6.18 reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, __u64);
} watched SEC(".maps");

SEC("kprobe.session/vfs_write")
int write_session(struct pt_regs *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;

	if (!bpf_map_lookup_elem(&watched, &tgid))
		return -1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
