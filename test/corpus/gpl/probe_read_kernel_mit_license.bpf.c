// SPDX-License-Identifier: MIT
/*
 * Tests: a GPL-only helper (bpf_probe_read_kernel) in a program licensed
 * "MIT".  A company tracer ships its BPF code under a permissive license
 * and the loader refuses GPL-restricted helpers for it.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, char[64]);
} unlinked_by_pid SEC(".maps");

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(unlink_name, int dfd, struct filename *name)
{
	const char *path;
	char buf[64] = {};
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	bpf_probe_read_kernel(&path, sizeof(path), &name->name);
	bpf_probe_read_kernel_str(buf, sizeof(buf), path);
	bpf_map_update_elem(&unlinked_by_pid, &pid, buf, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "MIT";
