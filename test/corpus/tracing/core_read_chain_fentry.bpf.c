// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: BPF_CORE_READ chains from an fentry argument (the portable way
 * to walk file->f_path.dentry->d_name.name) next to a direct field read
 * of the same BTF pointer.
 */
// EXPECT: accept (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

SEC("fentry/vfs_write")
int BPF_PROG(write_entry, struct file *file, const char *buf, size_t count)
{
	const unsigned char *name = BPF_CORE_READ(file, f_path.dentry, d_name.name);
	char comm[16];

	if (file->f_mode & 0x1 /* FMODE_READ */)
		return 0;
	bpf_get_current_comm(comm, sizeof(comm));
	bpf_printk("%s writes %lu bytes to %s", comm, count, name);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
