// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the fixed twin of combined_stack_too_large: the three nested
 * frames keep 120 byte buffers, so their combined stack stays under the
 * 512 byte limit.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define BUF 120

static __noinline int copy_name(const char *src)
{
	char name[BUF];

	bpf_probe_read_kernel_str(name, sizeof(name), src);
	return name[0] + name[BUF - 1];
}

static __noinline int format(struct file *f)
{
	char path[BUF];
	int n;

	n = bpf_probe_read_kernel_str(path, sizeof(path), BPF_CORE_READ(f, f_path.dentry, d_name.name));
	return n + copy_name(path) + path[7];
}

SEC("kprobe/vfs_read")
int BPF_KPROBE(trace_read, struct file *file)
{
	char comm[BUF];

	bpf_get_current_comm(comm, sizeof(comm));
	return format(file) + comm[3];
}

char LICENSE[] SEC("license") = "GPL";
