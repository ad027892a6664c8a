// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: fully unrolled string compares ("#pragma unroll") of a file
 * name read with BPF_CORE_READ_STR_INTO from the dentry of a file
 * being written (vfs_write kprobe) against three fixed 16-byte names,
 * the way audit-style tools watch a few sensitive files.  Straight-line
 * code: many branches, no back-edges.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define NAME_LEN 16

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, __u64);
} writes SEC(".maps");

static const char watched[3][NAME_LEN] = { "passwd", "shadow", "sudoers" };

static __always_inline int name_eq(const char *a, const char *b)
{
#pragma unroll
	for (int i = 0; i < NAME_LEN; i++) {
		if (a[i] != b[i])
			return 0;
		if (!a[i])
			return 1;
	}
	return 1;
}

SEC("kprobe/vfs_write")
int BPF_KPROBE(vfs_write_enter, struct file *file)
{
	char name[NAME_LEN] = {};
	__u64 *cnt;
	__u32 key;

	BPF_CORE_READ_STR_INTO(&name, file, f_path.dentry, d_name.name);
	if (name_eq(name, watched[0]))
		key = 0;
	else if (name_eq(name, watched[1]))
		key = 1;
	else if (name_eq(name, watched[2]))
		key = 2;
	else
		return 0;
	cnt = bpf_map_lookup_elem(&writes, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
