// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: each function keeps a ~200 byte scratch buffer on its stack,
 * which is fine alone (limit 512), but main -> format -> copy_name nests
 * three frames and their stacks add up past 512 bytes. Finding: 6.18
 * accepts it (stack depth 200+208+200): newer kernels give the subprograms
 * of tracing programs a private stack and no longer apply the combined
 * 512 byte limit here; 6.1 rejects it.
 * EXPECT: 6.1 reject, 6.18 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define BUF 200

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
