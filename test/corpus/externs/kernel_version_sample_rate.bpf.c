// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: LINUX_KERNEL_VERSION picks a sampling shift (newer kernels are
 * cheaper to probe), and the shift indexes a small per-CPU histogram. The
 * value is a constant of the frozen .kconfig map, so the slot index stays
 * within the array on every kernel.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern __u32 LINUX_KERNEL_VERSION __kconfig;

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} hist SEC(".maps");

SEC("kprobe/vfs_read")
int BPF_KPROBE(sample_read, struct file *file, char *buf, size_t count)
{
	__u32 shift = LINUX_KERNEL_VERSION >= KERNEL_VERSION(6, 10, 0) ? 2 : 4;
	__u32 slot = (__u32)(count >> 12);
	__u64 *v;

	if (bpf_get_prandom_u32() & ((1u << shift) - 1))
		return 0;
	if (slot > 7)
		slot = 7;
	v = bpf_map_lookup_elem(&hist, &slot);
	if (v)
		*v += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
