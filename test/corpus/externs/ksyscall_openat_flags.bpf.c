// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: opensnoop-style counting of openat() flags per process with
 * BPF_KSYSCALL (LINUX_HAS_SYSCALL_WRAPPER decides how the arguments are
 * read). The per-pid counter is created with BPF_NOEXIST and incremented
 * after the NULL check. Twin of ksyscall_openat_unchecked.bpf.c.
 */
// EXPECT: accept
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
	__u64 one = 1, *cnt;

	if (!(flags & O_CREAT))
		return 0;
	cnt = bpf_map_lookup_elem(&creates, &pid);
	if (cnt) {
		__sync_fetch_and_add(cnt, 1);
		return 0;
	}
	bpf_map_update_elem(&creates, &pid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
