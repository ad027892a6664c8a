// SPDX-License-Identifier: GPL-2.0
/*
 * Mistake: the pointer returned by bpf_map_lookup_elem() is dereferenced
 * without checking it for NULL.  The lookup fails for every process that
 * has no entry yet, so the verifier must reject the program.
 */
// KERNEL-6.18: R0 invalid mem access 'map_value_or_null'
// KERNEL-6.18-INSN: 9
// KERNEL-6.18-LOG-TAIL:
//   7: (85) call bpf_map_lookup_elem#1    ; R0=map_value_or_null(id=1,map=openat_count,ks=4,vs=8)
//   8: (b7) r1 = 1                        ; R1=1
//   ; __sync_fetch_and_add(cnt, 1); /* FAULT */ @ null_check.bad.bpf.c:34
//   9: (db) lock *(u64 *)(r0 +0) += r1
//   R0 invalid mem access 'map_value_or_null'
//   processed 9 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);	/* tgid */
	__type(value, __u64);	/* openat() calls */
} openat_count SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int count_openat(struct trace_event_raw_sys_enter *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 *cnt;

	cnt = bpf_map_lookup_elem(&openat_count, &tgid);
	__sync_fetch_and_add(cnt, 1); /* FAULT */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
