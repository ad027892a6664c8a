// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: the same unlink monitor as inode_mtime_unguarded, portable: it
 * asks bpf_core_field_exists() whether the running kernel's struct inode has
 * i_mtime_sec and otherwise reads the older layout (i_mtime.tv_sec) through
 * a ___old flavour of the struct.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.1, 6.12 and 6.18
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct inode___old {
	struct timespec64 i_mtime;
} __attribute__((preserve_access_index));

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, __s64);
} unlinked SEC(".maps");

SEC("kprobe/vfs_unlink")
int BPF_KPROBE(inode_mtime_guarded, struct mnt_idmap *idmap, struct inode *dir,
	       struct dentry *dentry)
{
	struct inode *inode = BPF_CORE_READ(dentry, d_inode);
	__u64 ino;
	__s64 mtime;

	if (!inode)
		return 0;
	ino = BPF_CORE_READ(inode, i_ino);
	if (bpf_core_field_exists(inode->i_mtime_sec))
		mtime = BPF_CORE_READ(inode, i_mtime_sec);
	else
		mtime = BPF_CORE_READ((struct inode___old *)inode, i_mtime.tv_sec);
	bpf_map_update_elem(&unlinked, &ino, &mtime, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
