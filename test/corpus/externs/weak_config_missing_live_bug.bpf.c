// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: the twin of weak_config_missing_dead_branch.bpf.c with the test
 * inverted: the weak extern is 0 on every profiled kernel, so the branch
 * with the unchecked lookup is the one the verifier walks, and rejects.
 */
// EXPECT: reject
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

	if (!CONFIG_BPF_NO_SUCH_FEATURE) {
		v = bpf_map_lookup_elem(&seen, &pid);
		*v = bpf_ktime_get_ns();
		return 0;
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
