// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a sleepable fexit (fexit.s) on vfs_read, which is on no
 * error-injection list: "vfs_read is not sleepable", before any
 * instruction is looked at.
 */
// EXPECT: reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} bytes_read SEC(".maps");

SEC("fexit.s/vfs_read")
int BPF_PROG(read_exit, struct file *file, char *buf, size_t count, loff_t *pos, ssize_t ret)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 *total, zero = 0;

	if (ret <= 0)
		return 0;
	total = bpf_map_lookup_elem(&bytes_read, &tgid);
	if (!total) {
		bpf_map_update_elem(&bytes_read, &tgid, &zero, BPF_NOEXIST);
		total = bpf_map_lookup_elem(&bytes_read, &tgid);
		if (!total)
			return 0;
	}
	__sync_fetch_and_add(total, ret);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
