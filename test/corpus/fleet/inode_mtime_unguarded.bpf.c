// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: on unlink, record the modification time of the inode being
 * removed. Written against 6.18, where struct inode has i_mtime_sec (since
 * 6.7; older kernels have a struct timespec64 i_mtime), and read without a
 * guard: libbpf cannot relocate the field on older kernels.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.12 and 6.18; reject (CO-RE relocation) on 6.1
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);		/* inode number */
	__type(value, __s64);		/* mtime, seconds */
} unlinked SEC(".maps");

SEC("kprobe/vfs_unlink")
int BPF_KPROBE(inode_mtime_unguarded, struct mnt_idmap *idmap, struct inode *dir,
	       struct dentry *dentry)
{
	struct inode *inode = BPF_CORE_READ(dentry, d_inode);
	__u64 ino;
	__s64 mtime;

	if (!inode)
		return 0;
	ino = BPF_CORE_READ(inode, i_ino);
	mtime = BPF_CORE_READ(inode, i_mtime_sec);
	bpf_map_update_elem(&unlinked, &ino, &mtime, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
