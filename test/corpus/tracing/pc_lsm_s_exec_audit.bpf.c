// SPDX-License-Identifier: GPL-2.0
/*
 * Tracing: a sleepable LSM program (lsm.s) on bprm_committed_creds, a hook
 * the kernel lists as sleepable (its sleepable_lsm_hooks set): an exec
 * audit counting, per uid, the programs run after credentials were
 * committed. Sleepable programs may use hash maps. The live 6.18 build
 * refuses LSM loads before verifying (EPERM); 6.12 and 6.1 are its
 * reference.
 */
// EXPECT: accept (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} execs_by_uid SEC(".maps");

SEC("lsm.s/bprm_committed_creds")
int BPF_PROG(audit_exec, struct linux_binprm *bprm)
{
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	__u64 one = 1, *cnt;

	cnt = bpf_map_lookup_elem(&execs_by_uid, &uid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&execs_by_uid, &uid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
