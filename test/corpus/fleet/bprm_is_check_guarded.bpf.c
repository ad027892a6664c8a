// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: bprm_is_check_unguarded made portable: reads the is_check bit
 * only when bpf_core_field_exists() says the running kernel has it, and
 * counts everything as a real exec elsewhere.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.1, 6.12 and 6.18
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
int BPF_KPROBE(bprm_is_check_guarded, struct linux_binprm *bprm)
{
	__u32 key = 0;
	__u64 *n;

	if (bpf_core_field_exists(bprm->is_check))
		key = BPF_CORE_READ_BITFIELD_PROBED(bprm, is_check);
	n = bpf_map_lookup_elem(&checks, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
