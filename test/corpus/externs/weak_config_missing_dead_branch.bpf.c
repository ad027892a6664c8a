// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: a weak kconfig extern for an option no profiled kernel has
 * (CONFIG_BPF_NO_SUCH_FEATURE): libbpf sets it to 0, the verifier knows
 * it, and the branch guarded by it -- which would dereference a lookup
 * result without checking it -- is dead code it never walks.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern bool CONFIG_BPF_NO_SUCH_FEATURE __kconfig __weak;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, __u64);
} seen SEC(".maps");

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(nanosleep_entry)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 *v;

	if (CONFIG_BPF_NO_SUCH_FEATURE) {
		v = bpf_map_lookup_elem(&seen, &pid);
		*v = bpf_ktime_get_ns();
		return 0;
	}
	v = bpf_map_lookup_elem(&seen, &pid);
	if (v)
		*v = bpf_ktime_get_ns();
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
