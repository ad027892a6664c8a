// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: the openat() flag counter of ksyscall_openat_flags.bpf.c with
 * the NULL check of the lookup forgotten: the counter pointer may be NULL
 * and the increment is refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define O_CREAT 0100

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u64);
} creates SEC(".maps");

SEC("ksyscall/openat")
int BPF_KSYSCALL(openat_entry, int dfd, const char *filename, int flags, int mode)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 *cnt;

	if (!(flags & O_CREAT))
		return 0;
	cnt = bpf_map_lookup_elem(&creates, &pid);
	__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
