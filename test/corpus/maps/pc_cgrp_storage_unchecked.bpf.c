// SPDX-License-Identifier: GPL-2.0
/*
 * Maps: bpf_cgrp_storage_get() returns NULL when the storage does not
 * exist and cannot be created (no F_CREATE, or out of memory). This
 * accounting probe uses the result without checking it: the load through
 * a map_value_or_null pointer is refused. 6.1 has no cgroup storage maps.
 */
// ORACLE-VMLINUX: 6.18
// EXPECT: 6.1 load_error, 6.12 reject, 6.18 reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_CGRP_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} cg_execs SEC(".maps");

SEC("tp_btf/sched_process_exec")
int BPF_PROG(count_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	__u64 *n = bpf_cgrp_storage_get(&cg_execs, p->cgroups->dfl_cgrp, 0, 0);

	*n += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
