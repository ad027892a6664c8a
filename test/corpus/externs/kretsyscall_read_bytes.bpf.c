// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a kretsyscall probe on read() summing the bytes returned per
 * process in a per-CPU array slot chosen by the (masked) pid. The return
 * value comes from PT_REGS_RC through BPF_KRETPROBE's argument.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define SLOTS 1024

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} read_bytes SEC(".maps");

SEC("kretsyscall/read")
int BPF_KRETPROBE(read_exit, long ret)
{
	__u32 slot = (bpf_get_current_pid_tgid() >> 32) & (SLOTS - 1);
	__u64 *sum;

	if (ret <= 0)
		return 0;
	sum = bpf_map_lookup_elem(&read_bytes, &slot);
	if (sum)
		*sum += ret;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
