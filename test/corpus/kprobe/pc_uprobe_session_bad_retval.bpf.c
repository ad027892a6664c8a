// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: a uprobe.session program must return 0 or 1; this one
 * returns the number of prompts seen, which may be anything, and the
 * return-value check of 6.18 refuses it. 6.1 and 6.12 have no uprobe
 * sessions: they load it as a plain kprobe and check no return value.
 */
// EXPECT: 6.1 accept, 6.12 accept, 6.18 reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} prompts SEC(".maps");

SEC("uprobe.session//bin/bash:readline")
int readline_session(struct pt_regs *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 *n = bpf_map_lookup_elem(&prompts, &tgid);

	if (!n)
		return 1;
	return *n;
}

char LICENSE[] SEC("license") = "GPL";
