// SPDX-License-Identifier: GPL-2.0
/*
 * Context: a kprobe reads the first three arguments of vfs_write() with
 * BPF_KPROBE (pt_regs fields di, si, dx on x86) and the file's inode
 * number with CO-RE.  Reads of pt_regs are allowed.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

SEC("kprobe/vfs_write")
int BPF_KPROBE(big_write, struct file *file, const char *buf, size_t count)
{
	if (count > (1 << 20))
		bpf_printk("big write of %lu to inode %lu", count,
			   BPF_CORE_READ(file, f_inode, i_ino));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
