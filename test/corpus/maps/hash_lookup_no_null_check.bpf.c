// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: counting write() calls per process in a hash map, the developer
 * increments the counter returned by bpf_map_lookup_elem() without checking
 * it for NULL.  The first write() of every process finds no entry, so the
 * lookup can return NULL and the verifier must refuse the dereference.
 * Twin: hash_lookup_null_checked.bpf.c.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u64);
} write_calls SEC(".maps");

SEC("kprobe/ksys_write")
int BPF_KPROBE(count_write, unsigned int fd)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 *cnt;

	cnt = bpf_map_lookup_elem(&write_calls, &tgid);
	*cnt += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
