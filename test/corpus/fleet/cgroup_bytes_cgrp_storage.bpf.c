// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: per-cgroup accounting of sendmsg() bytes in cgroup local storage
 * (BPF_MAP_TYPE_CGRP_STORAGE and the bpf_cgrp_storage_get helper, both
 * new in 6.2), keyed by the current task's default-hierarchy cgroup.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.12 and 6.18; load_error on 6.1 (no such map type)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_CGRP_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} sent_bytes SEC(".maps");

SEC("kprobe/sock_sendmsg")
int BPF_KPROBE(cgroup_bytes_cgrp_storage, struct socket *sock, struct msghdr *msg)
{
	struct task_struct *task = bpf_get_current_task_btf();
	__u64 *bytes;

	bytes = bpf_cgrp_storage_get(&sent_bytes, task->cgroups->dfl_cgrp, 0,
				     BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (bytes)
		__sync_fetch_and_add(bytes, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
