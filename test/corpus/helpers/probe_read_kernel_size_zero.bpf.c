// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_probe_read_kernel() with a size that may be 0.  The size is
 * a clamped value in [0, 32]; this helper's size argument is allowed to be
 * zero (ARG_CONST_SIZE_OR_ZERO), so a payload copy that may copy nothing is
 * fine.  Compare get_current_comm_size_zero.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, char[32]);
} names SEC(".maps");

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(unlink_name, int dfd, struct filename *name)
{
	char buf[32] = {};
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u32 len = pid & 31;	/* sampling: copy a pid-dependent prefix */

	bpf_probe_read_kernel(buf, len, name);
	bpf_map_update_elem(&names, &pid, buf, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
