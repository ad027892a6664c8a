// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: a uprobe.session program (Linux 6.13+) on bash's
 * readline counts the prompts shown per process and keeps the return
 * half only for interactive shells whose counter exists. 6.1 and 6.12
 * have no uprobe session attach type and load it as a plain kprobe.
 */
// EXPECT: accept
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
	__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
