// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: a kprobe.session program (Linux 6.10+) runs at both the
 * entry and the return of vfs_read; at entry it decides whether the
 * return half runs at all: 0 keeps the session, 1 skips the return probe.
 * This one follows only the reads of processes it was told to watch
 * (a hash of tgids). 6.1 has no session attach type and loads it as a
 * plain kprobe.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, __u64);
} watched SEC(".maps");

SEC("kprobe.session/vfs_read")
int read_session(struct pt_regs *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 *reads = bpf_map_lookup_elem(&watched, &tgid);

	if (!reads)
		return 1;   /* not watched: skip the return probe */
	__sync_fetch_and_add(reads, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
