// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: a composite key { u32 pid; u64 inode } has 4 bytes of padding after
 * pid.  The developer fills both fields but not the padding, then passes
 * the key to bpf_map_lookup_elem(): the helper reads uninitialised stack
 * bytes (and would hash garbage).  Whether a privileged loader may do that
 * depends on the kernel.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct open_key {
	__u32 pid;
	/* 4 bytes of padding */
	__u64 inode;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct open_key);
	__type(value, __u64);
} reads SEC(".maps");

SEC("kprobe/vfs_read")
int BPF_KPROBE(count_reads, struct file *file)
{
	struct open_key key;
	__u64 *n;

	key.pid = bpf_get_current_pid_tgid() >> 32;
	key.inode = BPF_CORE_READ(file, f_inode, i_ino);
	n = bpf_map_lookup_elem(&reads, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
