// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an LSM policy on file_open that denies opening files of one inode
 * (set from user space) with -EPERM, the way lockdown-style tools write
 * it. The hook's arguments are typed from bpf_lsm_file_open and the
 * return value must be an errno or 0.
 */
// EXPECT: accept (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define EPERM 1

const volatile u64 protected_ino = 0;

SEC("lsm/file_open")
int BPF_PROG(restrict_open, struct file *file)
{
	if (file->f_inode->i_ino == protected_ino)
		return -EPERM;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
