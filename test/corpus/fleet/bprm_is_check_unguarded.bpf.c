// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: an exec policy probe that counts execve(AT_EXECVE_CHECK) probes
 * by reading struct linux_binprm's is_check bit, which only 6.14+ kernels
 * have, without a guard.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.18; reject (CO-RE relocation) on 6.1 and 6.12
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} checks SEC(".maps");

SEC("kprobe/security_bprm_check")
int BPF_KPROBE(bprm_is_check_unguarded, struct linux_binprm *bprm)
{
	__u32 key = BPF_CORE_READ_BITFIELD_PROBED(bprm, is_check);
	__u64 *n = bpf_map_lookup_elem(&checks, &key);

	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
