// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a loop over an array inside a map value with early break: an
 * allow-list of up to 32 tgids configured by user space, scanned
 * linearly on every execve() until a match or the configured count
 * (from the same map value) is reached.  Matching processes are
 * recorded in a hash map.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define MAX_PIDS 32

struct allowlist {
	__u32 count;
	__u32 tgid[MAX_PIDS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct allowlist);
} allowed SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} seen SEC(".maps");

SEC("ksyscall/execve")
int BPF_KSYSCALL(execve_entry, const char *filename)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u32 zero = 0, n;
	struct allowlist *al;
	__u64 ts;
	int i, found = 0;

	al = bpf_map_lookup_elem(&allowed, &zero);
	if (!al)
		return 0;
	n = al->count;
	for (i = 0; i < MAX_PIDS; i++) {
		if (i >= n)
			break;
		if (al->tgid[i] == tgid) {
			found = 1;
			break;
		}
	}
	if (!found)
		return 0;
	ts = bpf_ktime_get_ns();
	bpf_map_update_elem(&seen, &tgid, &ts, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
